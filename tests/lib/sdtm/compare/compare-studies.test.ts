/** Comparing two SDTM studies in memory: what counts as a difference, what does not, and how it is named. */
import { describe, expect, it } from 'vitest';
import { compareSdtmStudies } from '../../../../lib/sdtm/compare/compare-studies.ts';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { dataset, study } from './fixtures.ts';

function paths(a: SdtmDataset[], b: SdtmDataset[]): string[] {
  return compareSdtmStudies(a, b).differences.map((d) => `${d.kind} ${d.path}`);
}

describe('compareSdtmStudies', () => {
  it('finds no difference between identical studies', () => {
    const result = compareSdtmStudies(study(), study());
    expect(result.identical).toBe(true);
    expect(result.differences).toEqual([]);
    expect(result.domains.map((d) => [d.domain, d.matched])).toEqual([
      ['AE', 3],
      ['DM', 2],
      ['SUPPAE', 2],
      ['VS', 4],
    ]);
  });

  it('reports a changed value with the record key and both values', () => {
    const b = study();
    dataset(b, 'VS').rows[0].VSORRES = '140';
    dataset(b, 'VS').rows[0].VSSTRESN = 140;
    const result = compareSdtmStudies(study(), b);
    expect(result.identical).toBe(false);
    expect(result.differences).toEqual([
      {
        kind: 'value-changed',
        domain: 'VS',
        path: 'VS[USUBJID=S1-001,VSTESTCD=SYSBP,VISITNUM=1,VSDTC=2024-01-02].VSORRES',
        variable: 'VSORRES',
        a: '138',
        b: '140',
      },
      {
        kind: 'value-changed',
        domain: 'VS',
        path: 'VS[USUBJID=S1-001,VSTESTCD=SYSBP,VISITNUM=1,VSDTC=2024-01-02].VSSTRESN',
        variable: 'VSSTRESN',
        a: 138,
        b: 140,
      },
    ]);
    const vs = result.domains.find((d) => d.domain === 'VS');
    expect(vs).toMatchObject({ matched: 4, changedRecords: 1, changedValues: { VSORRES: 1, VSSTRESN: 1 } });
  });

  it('reports a removed and an added record with the dataset row, and collects every difference', () => {
    const b = study();
    const vs = dataset(b, 'VS');
    vs.rows.splice(1, 1); // DIABP of S1-001
    vs.rows.push({ ...vs.rows[0], VSTESTCD: 'PULSE', VSORRES: '72', VSSTRESN: 72 });
    dataset(b, 'DM').rows[1].AGE = 58;
    const result = compareSdtmStudies(study(), b);
    expect(result.differences).toEqual([
      expect.objectContaining({ kind: 'value-changed', path: 'DM[USUBJID=S1-002].AGE', a: 57, b: 58 }),
      {
        kind: 'record-only-in-a',
        domain: 'VS',
        path: 'VS[USUBJID=S1-001,VSTESTCD=DIABP,VISITNUM=1,VSDTC=2024-01-02]',
        dataset: 'VS',
        row: 2,
      },
      {
        kind: 'record-only-in-b',
        domain: 'VS',
        path: 'VS[USUBJID=S1-001,VSTESTCD=PULSE,VISITNUM=1,VSDTC=2024-01-02]',
        dataset: 'VS',
        row: 4,
      },
    ]);
    expect(result.domains.find((d) => d.domain === 'VS')).toMatchObject({
      matched: 3,
      onlyInA: 1,
      onlyInB: 1,
    });
  });

  it('reports a variable and a domain on one side only', () => {
    const b = study();
    const vs = dataset(b, 'VS');
    vs.variables.push({ name: 'VSPOS', label: 'Position', type: 'Char' });
    for (const row of vs.rows) row.VSPOS = 'SITTING';
    const a = study().filter((d) => d.name !== 'SUPPAE');
    expect(paths(a, b)).toEqual(['domain-only-in-b SUPPAE', 'variable-only-in-b VS.VSPOS']);
  });

  it('does not count renumbered --SEQ, reordered records or trailing blanks as differences', () => {
    const b = study();
    const ae = dataset(b, 'AE');
    ae.rows.reverse();
    ae.rows.forEach((row, i) => (row.AESEQ = 10 + i));
    // SUPPAE follows the renumbering: AESEQ 1 → 12, 2 → 11.
    for (const row of dataset(b, 'SUPPAE').rows) row.IDVARVAL = row.IDVARVAL === '1' ? '12' : '11';
    const vs = dataset(b, 'VS');
    vs.rows.forEach((row, i) => (row.VSSEQ = 100 - i));
    vs.rows[0].VSORRES = '138     ';
    expect(compareSdtmStudies(study(), b).differences).toEqual([]);
  });

  it('names SUPP-- records by their parent record, so a qualifier moved to another parent is found', () => {
    const b = study();
    dataset(b, 'SUPPAE').rows[0].IDVARVAL = '2'; // now qualifies NAUSEA, not HEADACHE
    dataset(b, 'SUPPAE').rows[1].IDVARVAL = '1';
    const changed = paths(study(), b);
    expect(changed).toEqual([
      'value-changed SUPPAE[RDOMAIN=AE,USUBJID=S1-001,IDVAR=AESEQ,IDVARVAL=AE[USUBJID=S1-001,AETERM=HEADACHE,AESTDTC=2024-01-03],QNAM=AETRTEM].QVAL',
      'value-changed SUPPAE[RDOMAIN=AE,USUBJID=S1-001,IDVAR=AESEQ,IDVARVAL=AE[USUBJID=S1-001,AETERM=NAUSEA,AESTDTC=2024-01-04],QNAM=AETRTEM].QVAL',
    ]);
  });

  it('pairs records sharing a key by equal content, then in file order, and says so', () => {
    const a = study();
    const ae = dataset(a, 'AE');
    const twin = (sev: string, seq: number) => ({ ...ae.rows[0], AESEV: sev, AESEQ: seq });
    ae.rows.push(twin('MODERATE', 3), twin('SEVERE', 4)); // three HEADACHE records for S1-001 on 2024-01-03
    const b = structuredClone(a);
    const bRows = dataset(b, 'AE').rows;
    // B lists the twins in another order and changes one of them.
    const [mild, moderate, severe] = [bRows[0], bRows[3], bRows[4]];
    bRows.splice(0, 1);
    bRows.splice(2, 2, severe, { ...moderate, AESEV: 'LIFE THREATENING' }, mild);
    const result = compareSdtmStudies(a, b);
    expect(result.differences.map((d) => `${d.kind} ${d.path}`)).toEqual([
      'value-changed AE[USUBJID=S1-001,AETERM=HEADACHE,AESTDTC=2024-01-03]#2.AESEV',
    ]);
    expect(result.differences[0]).toMatchObject({ a: 'MODERATE', b: 'LIFE THREATENING' });
    expect(result.domains.find((d) => d.domain === 'AE')).toMatchObject({ duplicateKeys: 1, matched: 5 });

    // A fourth twin only in A is reported once, numbered after its key group position.
    const c = structuredClone(a);
    dataset(c, 'AE').rows.splice(4, 1);
    expect(paths(a, c)).toEqual(['record-only-in-a AE[USUBJID=S1-001,AETERM=HEADACHE,AESTDTC=2024-01-03]#3']);
  });

  it('compares a split domain (LBCH + LBHE) with the same records in one LB dataset', () => {
    const lb = (name: string, rows: [string, number][]): SdtmDataset => ({
      name,
      label: 'Laboratory Test Results',
      variables: ['USUBJID', 'DOMAIN', 'LBSEQ', 'LBTESTCD', 'LBSTRESN', 'LBDTC'].map((v) => ({
        name: v,
        label: v,
        type: v === 'LBSEQ' || v === 'LBSTRESN' ? 'Num' : 'Char',
      })),
      rows: rows.map(([test, value], i) => ({
        USUBJID: 'S1-001',
        DOMAIN: 'LB',
        LBSEQ: i + 1,
        LBTESTCD: test,
        LBSTRESN: value,
        LBDTC: '2024-01-02',
      })),
    });
    const split = [lb('LBCH', [['ALT', 20]]), lb('LBHE', [['HGB', 8.1]])];
    const whole = [
      lb('LB', [
        ['HGB', 8.1],
        ['ALT', 20],
      ]),
    ];
    const result = compareSdtmStudies(split, whole);
    expect(result.differences).toEqual([]);
    expect(result.domains[0]).toMatchObject({ domain: 'LB', datasetsA: ['LBCH', 'LBHE'], datasetsB: ['LB'] });
  });
});
