/** `imagehr compare sdtm DIR_A DIR_B` as a user runs it: a real process, real files, exit codes 0 / 1 / 2. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StudyComparison } from '../../lib/sdtm/compare/types.ts';
import { writeCsv } from '../../lib/sdtm/csv/write-csv.ts';
import type { SdtmDataset } from '../../lib/sdtm/dataset.ts';
import { writeXpt } from '../../lib/sdtm/xpt/write-xpt.ts';
import { dataset, study } from '../lib/sdtm/compare/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(datasets: readonly SdtmDataset[], format: 'xpt' | 'csv'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-compare-cli-'));
  dirs.push(dir);
  for (const d of datasets) {
    const file = path.join(dir, `${d.name.toLowerCase()}.${format}`);
    fs.writeFileSync(file, format === 'xpt' ? writeXpt([d]) : writeCsv(d));
  }
  return dir;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/imagehr.js', 'compare', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('imagehr compare sdtm', () => {
  it('exits 0 on the same study as XPT and as CSV', () => {
    const { code, stdout, stderr } = run('sdtm', folder(study(), 'xpt'), folder(study(), 'csv'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^domain +rows A +rows B +matched/);
    expect(stdout).toMatch(/^VS +4 +4 +4 +0 +0 +0 +0\/0 +0$/m);
    expect(stdout).toMatch(/\nidentical: A = /);
  });

  it('exits 1 and lists the first N differences, or all of them as JSON', () => {
    const b = study();
    dataset(b, 'VS').rows[0].VSORRES = '140';
    dataset(b, 'VS').rows.pop();
    dataset(b, 'DM').rows[0].SEX = 'M';
    const a = folder(study(), 'xpt');
    const dirB = folder(b, 'xpt');

    const text = run('sdtm', a, dirB, '--limit', '2');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('3 differences:');
    expect(text.stdout).toContain('  DM[USUBJID=S1-001].SEX: "F" → "M"');
    expect(text.stdout).toContain(
      '  VS[USUBJID=S1-001,VSTESTCD=SYSBP,VISITNUM=1,VSDTC=2024-01-02].VSORRES: "138" → "140"',
    );
    expect(text.stdout).not.toContain('record only in A');
    expect(text.stdout).toContain('… 1 more');

    const json = run('sdtm', a, dirB, '--json');
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as StudyComparison;
    expect(result.identical).toBe(false);
    expect(result.differences.map((d) => d.kind)).toEqual([
      'value-changed',
      'value-changed',
      'record-only-in-a',
    ]);
    expect(result.differences[2]).toMatchObject({
      path: 'VS[USUBJID=S1-002,VSTESTCD=SYSBP,VISITNUM=1,VSDTC=2024-01-03]',
      dataset: 'VS',
      row: 4,
    });
  });

  it('exits 2 naming the unreadable file, the missing folder, or showing the usage', () => {
    const good = folder(study(), 'xpt');
    const bad = folder(study(), 'xpt');
    fs.writeFileSync(path.join(bad, 'vs.xpt'), 'not an xpt file');
    const unreadable = run('sdtm', good, bad);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`${path.join(bad, 'vs.xpt')}: not a readable SDTM dataset`);

    const missing = run('sdtm', good, path.join(good, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read folder');

    for (const args of [
      ['sdtm', good],
      ['fhir', good, good],
      ['sdtm', good, good, '--limit', 'x'],
      ['sdtm', good, good, '--bogus'],
    ]) {
      const usage = run(...args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr).toContain('usage: imagehr compare sdtm DIR_A DIR_B');
    }
  });
});
