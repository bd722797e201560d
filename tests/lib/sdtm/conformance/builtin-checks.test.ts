import { describe, expect, it } from 'vitest';
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import { checkConformance } from '../../../../lib/sdtm/conformance/check-conformance.ts';
import { BUILTIN_RULES } from '../../../../lib/sdtm/conformance/builtin/builtin-rules.ts';

function dataset(
  name: string,
  columns: Record<string, 'Char' | 'Num'>,
  rows: Record<string, SdtmValue>[],
  label = 'Test',
): SdtmDataset {
  const variables: SdtmVariable[] = Object.entries(columns).map(([n, type]) => ({ name: n, label: n, type }));
  return { name, label, variables, rows };
}

const DM = dataset(
  'DM',
  {
    STUDYID: 'Char',
    DOMAIN: 'Char',
    USUBJID: 'Char',
    SUBJID: 'Char',
    RFSTDTC: 'Char',
    SITEID: 'Char',
    SEX: 'Char',
    COUNTRY: 'Char',
  },
  [
    {
      STUDYID: 'S1',
      DOMAIN: 'DM',
      USUBJID: 'S1-001',
      SUBJID: '001',
      RFSTDTC: '2024-01-10',
      SITEID: '01',
      SEX: 'F',
      COUNTRY: 'USA',
    },
    {
      STUDYID: 'S1',
      DOMAIN: 'DM',
      USUBJID: 'S1-002',
      SUBJID: '002',
      RFSTDTC: '2024-01',
      SITEID: '01',
      SEX: 'M',
      COUNTRY: 'USA',
    },
  ],
  'Demographics',
);

const VS_COLUMNS = {
  STUDYID: 'Char',
  DOMAIN: 'Char',
  USUBJID: 'Char',
  VSSEQ: 'Num',
  VSTESTCD: 'Char',
  VSTEST: 'Char',
  VSDTC: 'Char',
} as const;

function vs(name: string, rows: Partial<Record<keyof typeof VS_COLUMNS, SdtmValue>>[]): SdtmDataset {
  const base = {
    STUDYID: 'S1',
    DOMAIN: 'VS',
    USUBJID: 'S1-001',
    VSTESTCD: 'SYSBP',
    VSTEST: 'Systolic Blood Pressure',
    VSDTC: '2024-01-10',
  };
  return dataset(
    name,
    VS_COLUMNS,
    rows.map((r, i) => ({ ...base, VSSEQ: i + 1, ...r })),
    'Vital Signs',
  );
}

const check = (datasets: SdtmDataset[]) => checkConformance(datasets, { rules: BUILTIN_RULES });

describe('built-in checks', () => {
  it('finds nothing in clean datasets', () => {
    expect(check([DM, vs('VS', [{}, { VSDTC: '2024-01' }, { VSDTC: '2024-01-11T08:30' }])])).toEqual([]);
  });

  it('flags every invalid --DTC with a 1-based path, partial dates allowed', () => {
    const issues = check([
      DM,
      vs('VS', [{ VSDTC: '2024-01-10' }, { VSDTC: '10/01/2024' }, { VSDTC: '2024-02-30' }, { VSDTC: '' }]),
    ]);
    expect(issues.map((i) => [i.path, i.ruleId, i.severity, i.value])).toEqual([
      ['VS.VSDTC[2]', 'SDTM-ISO8601', 'error', '10/01/2024'],
      ['VS.VSDTC[3]', 'SDTM-ISO8601', 'error', '2024-02-30'],
    ]);
    expect(issues[0].row).toBe(2);
    expect(issues[0].message).toContain('ISO 8601');
  });

  it('flags --SEQ repeated for a subject, also across the datasets a domain is split into', () => {
    const a = vs('VSA', [{ VSSEQ: 1 }, { VSSEQ: 2 }, { VSSEQ: 2 }, { VSSEQ: 1, USUBJID: 'S1-002' }]);
    const b = vs('VSB', [{ VSSEQ: 1 }]);
    const issues = check([DM, a, b]).filter((i) => i.ruleId === 'SDTM-SEQ-UNIQUE');
    expect(issues.map((i) => i.path)).toEqual([
      'VSA.VSSEQ[1]',
      'VSA.VSSEQ[2]',
      'VSA.VSSEQ[3]',
      'VSB.VSSEQ[1]',
    ]);
  });

  it('flags empty values of Required variables', () => {
    const issues = check([DM, vs('VS', [{ VSTESTCD: '' }, { VSTEST: null }])]).filter(
      (i) => i.ruleId === 'SDTM-REQUIRED-VALUE',
    );
    expect(issues.map((i) => i.path)).toEqual(['VS.VSTESTCD[1]', 'VS.VSTEST[2]']);
  });

  it('checks values of non-extensible codelists exactly, and leaves extensible ones alone', () => {
    const dm = dataset(
      'DM',
      { ...Object.fromEntries(DM.variables.map((v) => [v.name, v.type])), ARMNRS: 'Char' },
      [
        { ...DM.rows[0], SEX: 'female', ARMNRS: 'SPONSOR-DEFINED REASON' },
        { ...DM.rows[1], SEX: 'U', ARMNRS: 'SCREEN FAILURE' },
        { ...DM.rows[1], USUBJID: 'S1-003', SUBJID: '003', SEX: 'f' },
      ],
    );
    const issues = check([dm]).filter((i) => i.ruleId === 'SDTM-CT-NONEXTENSIBLE');
    expect(issues.map((i) => [i.path, i.value])).toEqual([
      ['DM.SEX[1]', 'female'],
      ['DM.SEX[3]', 'f'],
    ]);
    expect(issues[0].message).toContain('SEX (C66731)');
  });

  it('enforces the SAS V5 limits: names, labels, value length and ASCII', () => {
    const long = 'x'.repeat(201);
    const bad = dataset(
      'VITALSIGNS',
      { STUDYID: 'Char', 'VS TEST': 'Char', VSORRES: 'Char' },
      [
        { STUDYID: 'S1', 'VS TEST': 'a', VSORRES: long },
        { STUDYID: 'S1', 'VS TEST': 'b', VSORRES: 'café' },
      ],
      'A dataset label that is much longer than forty characters',
    );
    bad.variables[2].label = 'Résultat';
    const issues = check([bad]);
    const v5 = issues.filter((i) => i.ruleId.startsWith('SDTM-V5'));
    expect(v5.map((i) => [i.ruleId, i.path])).toEqual([
      ['SDTM-V5-NAME', 'VITALSIGNS'],
      ['SDTM-V5-NAME', 'VITALSIGNS.VS TEST'],
      ['SDTM-V5-LABEL', 'VITALSIGNS'],
      ['SDTM-V5-LABEL', 'VITALSIGNS.VSORRES'],
      ['SDTM-V5-VALUE', 'VITALSIGNS.VSORRES[1]'],
      ['SDTM-V5-VALUE', 'VITALSIGNS.VSORRES[2]'],
    ]);
    expect(v5[4].message).toContain('201 bytes');
    expect(v5[5].message).toContain('U+00E9');
  });

  it('collects every issue of every rule rather than stopping at the first', () => {
    const rows = Array.from({ length: 50 }, () => ({ VSDTC: 'not a date', VSTESTCD: '' }));
    const issues = check([DM, vs('VS', rows)]);
    expect(issues.filter((i) => i.ruleId === 'SDTM-ISO8601')).toHaveLength(50);
    expect(issues.filter((i) => i.ruleId === 'SDTM-REQUIRED-VALUE')).toHaveLength(50);
  });
});
