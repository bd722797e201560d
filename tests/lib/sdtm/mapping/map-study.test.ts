/** Mapping a study's reviewed findings to SDTM records, against a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFindings } from '../../../../lib/findings/review-findings.ts';
import { mapStudyToSdtm, SdtmStudyNotFound } from '../../../../lib/sdtm/mapping/map-study.ts';
import { updateSdtmRecord } from '../../../../lib/sdtm/workspace/edit-sdtm-record.ts';
import { createTestDatabase, type TestDatabase } from '../../../setup/test-database.ts';
import { seedMappingStudy } from './seed-mapping-study.ts';

let t: TestDatabase;
let s: Awaited<ReturnType<typeof seedMappingStudy>>;

beforeAll(async () => {
  t = await createTestDatabase();
  s = await seedMappingStudy(t.db);
});
afterAll(() => t.close());

const map = () => mapStudyToSdtm({ db: t.db, studyId: s.study.id, actor: s.coordinator.actor });

async function records(domain: string) {
  return t.db.sdtmRecord.findMany({
    where: { studyId: s.study.id, domain },
    include: { findings: { select: { id: true } } },
    orderBy: [{ seq: 'asc' }, { key: 'asc' }],
  });
}
const vars = (r: { variables: unknown }) => r.variables as Record<string, string | number>;
const byFinding = async (domain: string, findingId: string) =>
  (await records(domain)).find((r) => r.key === `F:${findingId}`);
const totals = (summary: Awaited<ReturnType<typeof map>>) =>
  summary.domains.reduce(
    (a, d) => ({
      created: a.created + d.created,
      updated: a.updated + d.updated,
      deleted: a.deleted + d.deleted,
      unchanged: a.unchanged + d.unchanged,
      skippedEdited: a.skippedEdited + d.skippedEdited,
    }),
    { created: 0, updated: 0, deleted: 0, unchanged: 0, skippedEdited: 0 },
  );

describe('mapStudyToSdtm', () => {
  it('maps accepted and edited findings and the subject, and reports what it did per domain', async () => {
    const summary = await map();
    const created = Object.fromEntries(summary.domains.map((d) => [d.domain, d.created]));
    expect(created).toEqual({
      AE: 1,
      CM: 1,
      CV: 1,
      DM: 1,
      LB: 1,
      MH: 2,
      PR: 1,
      RE: 2,
      SUPPMH: 2,
      VS: 3,
      XB: 1,
    });
    expect(totals(summary)).toMatchObject({ updated: 0, deleted: 0, unchanged: 0, skippedEdited: 0 });
    expect(summary.notMapped).toEqual([{ reason: 'NOT_OCCURRED', count: 1 }]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'sdtm.map' } });
    expect(audit.entityIds).toEqual([s.study.id]);
    expect(audit.patientIds).toEqual([s.patient.id]);
    expect(JSON.stringify(audit.detail)).not.toContain('Homer');
  });

  it('builds DM from the subject, site and patient, filling gaps from reviewed findings', async () => {
    const [dm] = await records('DM');
    expect(vars(dm)).toEqual({
      STUDYID: s.studyCode,
      DOMAIN: 'DM',
      USUBJID: `${s.studyCode}-S01-0001`,
      SUBJID: '0001',
      SITEID: 'S01',
      RFSTDTC: '2024-03-05',
      BRTHDTC: '1956-05-12',
      AGE: 67,
      AGEU: 'YEARS',
      SEX: 'M',
      RACE: 'WHITE',
      ETHNIC: 'NOT HISPANIC OR LATINO',
    });
    expect(dm.seq).toBeNull();
    expect(dm.findings.map((f) => f.id)).toEqual([s.f.ethnicity.id]);
  });

  it('writes VS in CT with standard units, collection dates and study days without a day 0', async () => {
    const vs = await records('VS');
    expect(vs.map((r) => [vars(r).VSTESTCD, vars(r).VSSEQ, vars(r).VSDTC, vars(r).VSDY])).toEqual([
      ['SYSBP', 1, '2024-03-04', -1],
      ['TEMP', 2, '2024-03-05', 1],
      ['WEIGHT', 3, '2024-03-06', 2],
    ]);
    expect(vars(vs[0])).toMatchObject({
      VSTEST: 'Systolic Blood Pressure',
      VSORRES: '138',
      VSORRESU: 'mmHg',
      VSSTRESC: '138',
      VSSTRESN: 138,
      VSSTRESU: 'mmHg',
      VSSPID: s.f.sysbp.id,
    });
    expect(vars(vs[1])).toMatchObject({ VSORRES: '98.6', VSORRESU: 'F', VSSTRESN: 37, VSSTRESU: 'C' });
    // The reviewer corrected 197.7 to 200 lbs: the standard result follows the correction.
    expect(vars(vs[2])).toMatchObject({
      VSTEST: 'Weight',
      VSORRES: '200',
      VSORRESU: 'LB',
      VSSTRESC: '90.72',
      VSSTRESN: 90.72,
      VSSTRESU: 'kg',
    });
    expect(vs.some((r) => vars(r).VSTESTCD === 'HEIGHT')).toBe(false);
    for (const r of vs) expect(r.findings).toHaveLength(1);
    expect(vs[0].findings[0].id).toBe(s.f.sysbp.id);
  });

  it('normalises medications to CT (PO → ORAL, daily → QD)', async () => {
    const [cm] = await records('CM');
    expect(vars(cm)).toMatchObject({
      CMTRT: 'lisinopril',
      CMDOSE: 10,
      CMDOSU: 'mg',
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'QD',
      CMENRTPT: 'ONGOING',
      CMENTPT: 'DOCUMENT DATE',
      CMSEQ: 1,
    });
    expect(vars(cm)).not.toHaveProperty('CMDOSTXT');
  });

  it('keeps partial dates as written, puts allergies under MHCAT ALLERGY with the reaction in SUPPMH', async () => {
    const allergy = await byFinding('MH', s.f.allergy.id);
    const htn = await byFinding('MH', s.f.hypertension.id);
    expect(vars(htn!)).toMatchObject({
      MHTERM: 'hypertension',
      MHSTDTC: '2019-03',
      MHDTC: '2024-03-05',
      MHDY: 1,
    });
    expect(vars(htn!)).not.toHaveProperty('MHSTDY');
    expect(vars(allergy!)).toMatchObject({ MHCAT: 'ALLERGY', MHDTC: '2024-03-06', MHDY: 2 });
    // Sorted by date: hypertension (2019-03) before the allergy (2024-03-06).
    expect([vars(htn!).MHSEQ, vars(allergy!).MHSEQ]).toEqual([1, 2]);
    const supp = await records('SUPPMH');
    expect(supp.map(vars).sort((a, b) => String(a.IDVARVAL).localeCompare(String(b.IDVARVAL)))).toEqual([
      {
        STUDYID: s.studyCode,
        RDOMAIN: 'MH',
        USUBJID: `${s.studyCode}-S01-0001`,
        IDVAR: 'MHSEQ',
        IDVARVAL: '1',
        QNAM: 'MHICD10',
        QLABEL: 'ICD-10-CM Code',
        QVAL: 'I10',
        QORIG: 'Assigned',
      },
      {
        STUDYID: s.studyCode,
        RDOMAIN: 'MH',
        USUBJID: `${s.studyCode}-S01-0001`,
        IDVAR: 'MHSEQ',
        IDVARVAL: '2',
        QNAM: 'MHREACT',
        QLABEL: 'Allergic Reaction',
        QVAL: 'hives',
        QORIG: 'Collected',
      },
    ]);
    const reaction = supp.find((r) => vars(r).QNAM === 'MHREACT')!;
    expect(reaction.findings.map((f) => f.id)).toEqual([s.f.allergy.id]);
    expect(await records('MH')).toHaveLength(2); // the negated chest pain is not history
  });

  it('maps labs, imaging by body system, adverse events and BI-RADS', async () => {
    const [lb] = await records('LB');
    expect(vars(lb)).toMatchObject({
      LBTESTCD: 'HGB',
      LBTEST: 'Hemoglobin',
      LBORRES: '10.2',
      LBORRESU: 'g/dL',
      LBSTRESN: 10.2,
      LBSTNRLO: 12,
      LBSTNRHI: 16,
      LBNRIND: 'LOW',
      LBDY: 1,
    });
    const re = (await records('RE')).map(vars);
    expect(re.map((r) => [r.RETESTCD, r.REORRES, r.REDTC])).toEqual([
      ['EFFIND', 'Y', '2024-03-05'],
      ['EFFIND', 'N', '2024-03-06'],
    ]);
    expect(vars((await records('CV'))[0])).toMatchObject({ CVTESTCD: 'HCENLIND', CVORRES: 'Y' });
    expect(vars((await records('PR'))[0])).toMatchObject({ PRTRT: 'chest x-ray', PRCAT: 'IMAGING' });
    const ae = vars((await records('AE'))[0]);
    expect(ae).toMatchObject({ AETERM: 'rash', AESEV: 'MILD', AESER: 'N', AESTDTC: '2024-03' });
    expect(ae).not.toHaveProperty('AESTDY');
    expect(vars((await records('XB'))[0])).toMatchObject({
      XBTESTCD: 'BIRADSC',
      XBORRES: '4A',
      XBSTRESC: '4A',
      XBLAT: 'LEFT',
      XBLOC: 'BREAST',
      XBMETHOD: 'MAMMOGRAPHY',
      XBDTC: '2024-03-12',
      XBDY: 8,
    });
  });

  it('is idempotent: a rerun changes nothing and keeps every --SEQ', async () => {
    const before = await t.db.sdtmRecord.findMany({ where: { studyId: s.study.id }, orderBy: { id: 'asc' } });
    const summary = await map();
    expect(totals(summary)).toEqual({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: before.length,
      skippedEdited: 0,
    });
    const after = await t.db.sdtmRecord.findMany({ where: { studyId: s.study.id }, orderBy: { id: 'asc' } });
    expect(after.map((r) => [r.id, r.seq, r.updatedAt.getTime()])).toEqual(
      before.map((r) => [r.id, r.seq, r.updatedAt.getTime()]),
    );
  });

  it('deletes only the record of a finding that is rejected afterwards', async () => {
    const before = await t.db.sdtmRecord.findMany({ where: { studyId: s.study.id } });
    await reviewFindings(t.db, s.reviewer.actor, { ids: [s.f.lisinopril.id], decision: 'REJECT' });
    const summary = await map();
    expect(totals(summary)).toEqual({
      created: 0,
      updated: 0,
      deleted: 1,
      unchanged: before.length - 1,
      skippedEdited: 0,
    });
    expect(summary.domains.find((d) => d.domain === 'CM')).toMatchObject({ deleted: 1 });
    expect(await records('CM')).toEqual([]);
  });

  it('never overwrites a record a programmer edited, and reports it as skipped', async () => {
    const weight = (await byFinding('VS', s.f.weight.id))!;
    await updateSdtmRecord(t.db, s.coordinator.actor, {
      id: weight.id,
      changes: { VSPOS: 'STANDING' },
      reason: 'position per source',
    });
    await reviewFindings(t.db, s.reviewer.actor, {
      ids: [s.f.weight.id],
      decision: 'EDIT',
      edits: { value: '210' },
    });
    const summary = await map();
    expect(summary.domains.find((d) => d.domain === 'VS')).toMatchObject({
      skippedEdited: 1,
      updated: 0,
      created: 0,
    });
    const kept = (await byFinding('VS', s.f.weight.id))!;
    expect(vars(kept)).toMatchObject({ VSORRES: '200', VSPOS: 'STANDING', VSSEQ: 3 });
    expect(kept.edited).toBe(true);
  });

  it('numbers a new finding around an edited record without reusing its --SEQ', async () => {
    // A pulse on the weight's day sorts before it (PULSE < WEIGHT), but VSSEQ 3 is held by the edited weight.
    const pulse = await t.db.finding.create({
      data: {
        patientId: s.patient.id,
        documentId: s.docs.second.id,
        kind: 'VITAL_SIGN',
        status: 'ACCEPTED',
        source: 'HUMAN',
        confidence: 1,
        label: 'Pulse Rate',
        value: '72',
        extractorId: 'human',
        extractorVersion: '1',
      },
    });
    const summary = await map();
    expect(summary.domains.find((d) => d.domain === 'VS')).toMatchObject({
      created: 1,
      skippedEdited: 1,
      unchanged: 2,
    });
    const vs = (await records('VS')).map((r) => [vars(r).VSTESTCD, vars(r).VSSEQ]);
    expect(vs).toEqual([
      ['SYSBP', 1],
      ['TEMP', 2],
      ['WEIGHT', 3],
      ['PULSE', 4],
    ]);
    expect(vars((await byFinding('VS', pulse.id))!)).toMatchObject({ VSSTRESN: 72, VSSTRESU: 'beats/min' });
  });

  it('refuses an unknown study', async () => {
    await expect(
      mapStudyToSdtm({ db: t.db, studyId: 'nope', actor: s.coordinator.actor }),
    ).rejects.toBeInstanceOf(SdtmStudyNotFound);
  });
});
