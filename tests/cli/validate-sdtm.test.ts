/** `imagehr validate sdtm DIR` as a user runs it: a real process, real files, exit codes 0 / 1 / 2. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../lib/sdtm/dataset.ts';
import { writeXpt } from '../../lib/sdtm/xpt/write-xpt.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-validate-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/imagehr.js', 'validate', 'sdtm', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const DM: SdtmDataset = {
  name: 'DM',
  label: 'Demographics',
  variables: [
    { name: 'STUDYID', label: 'Study Identifier', type: 'Char' },
    { name: 'DOMAIN', label: 'Domain Abbreviation', type: 'Char' },
    { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'Char' },
    { name: 'SUBJID', label: 'Subject Identifier for the Study', type: 'Char' },
    { name: 'RFSTDTC', label: 'Subject Reference Start Date/Time', type: 'Char' },
    { name: 'SITEID', label: 'Study Site Identifier', type: 'Char' },
    { name: 'AGE', label: 'Age', type: 'Num' },
    { name: 'AGEU', label: 'Age Units', type: 'Char' },
    { name: 'SEX', label: 'Sex', type: 'Char' },
    { name: 'COUNTRY', label: 'Country', type: 'Char' },
  ],
  rows: [
    {
      STUDYID: 'S1',
      DOMAIN: 'DM',
      USUBJID: 'S1-001',
      SUBJID: '001',
      RFSTDTC: '2024-01-10',
      SITEID: '01',
      AGE: 42,
      AGEU: 'YEARS',
      SEX: 'F',
      COUNTRY: 'USA',
    },
    {
      STUDYID: 'S1',
      DOMAIN: 'DM',
      USUBJID: 'S1-002',
      SUBJID: '002',
      RFSTDTC: '2024-01-12',
      SITEID: '01',
      AGE: 57,
      AGEU: 'YEARS',
      SEX: 'M',
      COUNTRY: 'USA',
    },
  ],
};

const VS_CSV = [
  'STUDYID,DOMAIN,USUBJID,VSSEQ,VSTESTCD,VSTEST,VSORRES,VSORRESU,VSSTRESC,VSSTRESN,VSSTRESU,VSDTC,VSDY',
  'S1,VS,S1-001,1,SYSBP,Systolic Blood Pressure,138,mmHg,138,138,mmHg,2024-01-10,1',
  'S1,VS,S1-001,2,DIABP,Diastolic Blood Pressure,86,mmHg,86,86,mmHg,2024-01-10T09:30,1',
  'S1,VS,S1-002,1,PULSE,Pulse Rate,72,beats/min,72,72,beats/min,2024-01,',
].join('\n');

describe('imagehr validate sdtm', () => {
  it('exits 0 on a clean folder of XPT and CSV datasets', () => {
    const dir = folder({ 'dm.xpt': writeXpt([DM]), 'vs.csv': VS_CSV });
    const { code, stdout, stderr } = run(dir);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^0 errors, 0 warnings in 2 datasets \(5 rows\)/m);
    expect(code).toBe(0);
  });

  it('exits 1 and lists every error, as a table or as JSON', () => {
    const bad = VS_CSV.replace('2024-01-10T09:30', '10/01/2024')
      .replace('S1-002,1,PULSE', 'S1-009,1,PULSE')
      .replace('2024-01-10,1', '2024-01-10,5');
    const dir = folder({ 'dm.xpt': writeXpt([DM]), 'vs.csv': bad });
    const table = run(dir);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('SDTM-ISO8601');
    expect(table.stdout).toMatch(/error\s+CORE-000201\s+VS\.USUBJID\[3\]/);
    const json = run(dir, '--json');
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as {
      summary: { errors: number };
      issues: { path: string; ruleId: string }[];
    };
    expect(out.issues.map((i) => `${i.ruleId} ${i.path}`).sort()).toEqual([
      'CORE-000201 VS.USUBJID[3]',
      'CORE-000354 VS.VSDY[2]', // a study day from a date that is not a (complete) date
      'CORE-000529 VS.VSDY[1]',
      'SDTM-ISO8601 VS.VSDTC[2]',
    ]);
    expect(out.summary.errors).toBe(4);
  });

  it('exits 2 with a clear message on a truncated or non-XPT file', () => {
    const xpt = writeXpt([DM]);
    const truncated = run(folder({ 'dm.xpt': xpt.subarray(0, xpt.length - 100) }));
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/dm\.xpt: not a readable SDTM dataset: .*truncated/);
    const text = run(folder({ 'ae.xpt': 'hello, this is not a transport file\n' }));
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/ae\.xpt: not a readable SDTM dataset: not a SAS XPORT file/);
  });

  it('exits 2 on a malformed CSV, an empty folder, a missing folder or bad usage', () => {
    const csv = run(folder({ 'vs.csv': 'STUDYID,DOMAIN\n"S1,VS\n' }));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/vs\.csv: not a readable SDTM dataset: a quoted field is not closed/);
    expect(run(folder({ 'notes.txt': 'x' }))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no \.xpt or \.csv datasets/),
    });
    expect(run(path.join(os.tmpdir(), 'imagehr-no-such-dir'))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read folder .*ENOENT/),
    });
    const usage = spawnSync(process.execPath, ['bin/imagehr.js', 'validate'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: imagehr validate sdtm DIR');
  });
});
