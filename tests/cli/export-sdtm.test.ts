/**
 * `imagehr export sdtm` end to end: a seeded, mapped study exported by the real command (a child process on the
 * test database) as a package whose define.xml validates and whose .xpt files read back to the records; the
 * other formats through exportStudy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../lib/sdtm/csv/read-csv.ts';
import { exportStudy } from '../../lib/sdtm/export/export-study.ts';
import { readXlsxSafely } from '../../lib/sdtm/export/read-xlsx-safely.ts';
import { readXpt } from '../../lib/sdtm/xpt/read-xpt.ts';
import { validateDefine, xpath } from '../lib/sdtm/define/xmllint.ts';
import { seedMappingStudy } from '../lib/sdtm/mapping/seed-mapping-study.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let t: TestDatabase;
let s: Awaited<ReturnType<typeof seedMappingStudy>>;
let out: string;
let mapped: ReturnType<typeof cli>;

beforeAll(async () => {
  t = await createTestDatabase();
  s = await seedMappingStudy(t.db);
  mapped = cli(['map', 'sdtm', '--study', s.studyCode]);
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-export-'));
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/imagehr.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('imagehr map sdtm', () => {
  it('maps the study headless, prints counts per domain and no data, and is audited', async () => {
    expect(mapped.stderr).toBe('');
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toMatch(/^VS\s+\d+/m);
    expect(mapped.stdout).not.toContain('Homer');
    const vs = await t.db.sdtmRecord.count({ where: { studyId: s.study.id, domain: 'VS' } });
    expect(vs).toBeGreaterThan(0);
    expect(mapped.stdout).toMatch(new RegExp(`^VS\\s+${vs}\\s`, 'm'));
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'sdtm.map' } });
    expect(audit.actorLabel).toBe('cli:map');
    // A second run changes nothing: every record unchanged.
    const again = cli(['map', 'sdtm', '--study', s.studyCode]);
    expect(again.stdout).toMatch(new RegExp(`^VS\\s+0\\s+0\\s+0\\s+${vs}\\s`, 'm'));
  });
});

describe('imagehr export sdtm', () => {
  it('writes a package with define.xml and one .xpt per dataset that read back to the records', async () => {
    const r = cli(['export', 'sdtm', '--study', s.studyCode, '--format', 'package', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const zipPath = path.join(out, `${s.studyCode}-sdtm.zip`);
    expect(r.stdout).toContain(zipPath);
    expect(r.stdout).not.toContain('Homer');

    const files = unzipSync(fs.readFileSync(zipPath));
    const xpts = Object.keys(files)
      .filter((f) => f.endsWith('.xpt'))
      .sort();
    expect(xpts).toEqual(
      ['ae', 'cm', 'cv', 'dm', 'lb', 'mh', 'pr', 're', 'suppmh', 'vs', 'xb'].map((d) => `datasets/${d}.xpt`),
    );
    const define = strFromU8(files['define.xml']);
    const validation = validateDefine(define);
    expect(validation.output).toContain('validates');
    expect(validation.valid).toBe(true);
    expect(
      xpath(define, 'string(//*[local-name()="ItemGroupDef"][@Name="XB"]/@*[local-name()="IsNonStandard"])'),
    ).toBe('Yes');
    expect(
      xpath(
        define,
        'string(//*[local-name()="ItemGroupDef"][@Name="VS"]/*[local-name()="leaf"]/@*[local-name()="href"])',
      ),
    ).toBe('datasets/vs.xpt');

    const [vs] = readXpt(files['datasets/vs.xpt']);
    expect(vs.name).toBe('VS');
    const stored = await t.db.sdtmRecord.findMany({
      where: { studyId: s.study.id, domain: 'VS' },
      orderBy: { seq: 'asc' },
    });
    expect(vs.rows.map((row) => [row.USUBJID, row.VSSEQ, row.VSTESTCD, row.VSSTRESN, row.VSDY])).toEqual(
      stored.map((rec) => {
        const v = rec.variables as Record<string, string | number>;
        return [v.USUBJID, v.VSSEQ, v.VSTESTCD, v.VSSTRESN, v.VSDY];
      }),
    );
    expect(vs.variables.find((v) => v.name === 'VSSTRESN')).toMatchObject({
      type: 'Num',
      label: 'Numeric Result/Finding in Standard Units',
    });
    const [dm] = readXpt(files['datasets/dm.xpt']);
    expect(dm.rows).toEqual([
      expect.objectContaining({
        USUBJID: `${s.studyCode}-S01-0001`,
        AGE: 67,
        SEX: 'M',
        RACE: 'WHITE',
        COUNTRY: '',
      }),
    ]);
    const [supp] = readXpt(files['datasets/suppmh.xpt']);
    expect(supp.rows.map((row) => row.QNAM).sort()).toEqual(['MHICD10', 'MHREACT']);
    expect(strFromU8(files['README.txt'])).toContain(`study ${s.studyCode}`);
    // The conformance checker ran on the export: DM's empty COUNTRY (Site has no country) is an issue.
    const issues = strFromU8(files['issues.csv']).split('\r\n');
    expect(issues[0]).toBe('ruleId,path,severity,message');
    expect(issues.some((line) => line.includes('DM.COUNTRY[1]'))).toBe(true);

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'sdtm.export' } });
    expect(audit).toMatchObject({
      actorLabel: 'cli:export',
      entityIds: [s.study.id],
      patientIds: [s.patient.id],
    });
    expect(audit.detail).toMatchObject({ format: 'package' });
  });

  it('refuses bad usage and an unknown study', () => {
    expect(cli(['export', 'sdtm', '--study', s.studyCode, '--format', 'pdf', '--out', out]).status).toBe(2);
    const missing = cli(['export', 'sdtm', '--study', 'NO-SUCH', '--format', 'csv', '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no study NO-SUCH');
  });
});

describe('exportStudy formats', () => {
  const run = (format: 'csv' | 'xpt' | 'xlsx' | 'define') =>
    exportStudy({
      db: t.db,
      studyId: s.study.id,
      format,
      actor: s.coordinator.actor,
      createdAt: new Date('2024-05-01T00:00:00Z'),
    });

  it('writes one CSV and one XPT per dataset with records', async () => {
    const csv = await run('csv');
    expect(csv.files.map((f) => f.name)).toContain('vs.csv');
    const vs = readCsv(csv.files.find((f) => f.name === 'vs.csv')!.data, { name: 'VS' });
    expect(vs.rows.map((r) => r.VSTESTCD)).toEqual(['SYSBP', 'TEMP', 'WEIGHT']);
    const xpt = await run('xpt');
    expect(xpt.files.map((f) => f.name).sort()).toEqual(
      csv.files.map((f) => f.name.replace('.csv', '.xpt')).sort(),
    );
  });

  it('writes a workbook with a sheet per dataset and a define.xml that validates', async () => {
    const xlsx = await run('xlsx');
    expect(xlsx.files).toHaveLength(1);
    const book = readXlsxSafely(xlsx.files[0].data);
    expect(book.SheetNames).toEqual(
      expect.arrayContaining(['DM', 'VS', 'XB', 'SUPPMH', 'Variables', 'Issues']),
    );
    const define = await run('define');
    expect(validateDefine(strFromU8(define.files[0].data)).valid).toBe(true);
  });
});
