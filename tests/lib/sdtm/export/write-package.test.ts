import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { readXlsxSafely } from '../../../../lib/sdtm/export/read-xlsx-safely.ts';
import { writeIssuesCsv } from '../../../../lib/sdtm/export/write-issues-csv.ts';
import {
  writeSubmissionPackage,
  type SubmissionPackageInput,
} from '../../../../lib/sdtm/export/write-package.ts';
import { studyDatasets, studyMetadata } from '../define/study-fixture.ts';
import { validateDefine } from '../define/xmllint.ts';

const issues = [
  { ruleId: 'CORE-000351', path: 'DM.USUBJID[2]', severity: 'error', message: 'Duplicate, "quoted", value' },
  { ruleId: 'CORE-000019', path: 'VS.VSTEST', severity: 'warning', message: '=cmd|" /C calc"!A0' },
];

/** Stand-ins for the XPT and CSV writers (separate modules): distinct, recognisable bytes per dataset. */
function input(overrides: Partial<SubmissionPackageInput> = {}) {
  const xptCalls: string[][] = [];
  const base: SubmissionPackageInput = {
    study: 'IMG-001',
    datasets: studyDatasets(),
    issues,
    define: studyMetadata(),
    writeXpt: (datasets: SdtmDataset[]) => {
      xptCalls.push(datasets.map((d) => d.name));
      return strToU8(`XPT ${datasets.map((d) => `${d.name}:${d.rows.length}`).join(',')}`);
    },
    writeCsv: (ds: SdtmDataset) =>
      [
        ds.variables.map((v) => v.name).join(','),
        ...ds.rows.map((r) => ds.variables.map((v) => r[v.name] ?? '').join(',')),
      ].join('\r\n'),
    createdAt: new Date('2026-02-03T04:05:06Z'),
    ...overrides,
  };
  return { base, xptCalls };
}

function readmeHashes(readme: string): Map<string, string> {
  const lines = readme.split('\n').filter((l) => /^[0-9a-f]{64} {2}\S/.test(l));
  return new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
}

describe('writeSubmissionPackage', () => {
  it('zips XPT, CSV, XLSX, define.xml, issues.csv and a README whose SHA-256 list matches every file', () => {
    const { base, xptCalls } = input();
    const { zip, files } = writeSubmissionPackage(base);
    const entries = unzipSync(zip);
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      [
        'README.txt',
        'IMG-001.xlsx',
        'define.xml',
        'issues.csv',
        ...['dm', 'vs', 'cm', 'mh', 'suppmh'].flatMap((d) => [`datasets/${d}.xpt`, `csv/${d}.csv`]),
      ].sort(),
    );
    expect(xptCalls).toEqual([['DM'], ['VS'], ['CM'], ['MH'], ['SUPPMH']]);
    expect(strFromU8(entries['datasets/vs.xpt'])).toBe('XPT VS:4');

    const readme = strFromU8(entries['README.txt']);
    const hashes = readmeHashes(readme);
    expect([...hashes.keys()].sort()).toEqual(names.filter((n) => n !== 'README.txt'));
    for (const [file, hash] of hashes) {
      expect(crypto.createHash('sha256').update(entries[file]).digest('hex'), file).toBe(hash);
    }
    expect(files.map((f) => [f.path, f.sha256])).toEqual([...hashes.entries()]);
    expect(readme).toContain('SDTMIG 3.4; CDISC CT 2025-03-28; Define-XML 2.1.10');
    expect(readme).toContain('DM (3 records)');
  });

  it('passes `sha256sum -c README.txt` on the unzipped folder', () => {
    const entries = unzipSync(writeSubmissionPackage(input().base).zip);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-package-'));
    try {
      for (const [name, data] of Object.entries(entries)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), data);
      }
      const ok = spawnSync('sha256sum', ['-c', 'README.txt'], { cwd: dir, encoding: 'utf8' });
      expect(ok.stdout).toContain('datasets/dm.xpt: OK');
      expect(ok.stdout).not.toContain('FAILED');
      expect(ok.status).toBe(0);
      fs.appendFileSync(path.join(dir, 'issues.csv'), 'tampered\r\n');
      const tampered = spawnSync('sha256sum', ['-c', 'README.txt'], { cwd: dir, encoding: 'utf8' });
      expect(tampered.stdout).toContain('issues.csv: FAILED');
      expect(tampered.status).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a valid define.xml whose dataset links resolve inside the ZIP', () => {
    const define = { ...studyMetadata(), creationDateTime: undefined };
    const entries = unzipSync(writeSubmissionPackage(input({ define }).base).zip);
    const xml = strFromU8(entries['define.xml']);
    expect(validateDefine(xml).valid).toBe(true);
    const hrefs = [...xml.matchAll(/xlink:href="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((h) => h.endsWith('.xpt'));
    expect(hrefs).toHaveLength(5);
    for (const href of hrefs) expect(entries[href], href).toBeDefined();
    expect(xml).not.toContain('xml-stylesheet');
    expect(xml).toContain('CreationDateTime="2026-02-03T04:05:06Z"');
  });

  it('includes the workbook and the issues as CSV', () => {
    const entries = unzipSync(writeSubmissionPackage(input().base).zip);
    const wb = readXlsxSafely(entries['IMG-001.xlsx']);
    expect(wb.SheetNames).toEqual(['DM', 'VS', 'CM', 'MH', 'SUPPMH', 'Variables', 'Issues']);
    expect(strFromU8(entries['issues.csv'])).toBe(writeIssuesCsv(issues));
  });

  it('leaves out files for datasets without records and says so', () => {
    const datasets = studyDatasets();
    datasets[2].rows = [];
    const entries = unzipSync(writeSubmissionPackage(input({ datasets }).base).zip);
    expect(entries['datasets/cm.xpt']).toBeUndefined();
    expect(entries['csv/cm.csv']).toBeUndefined();
    expect(strFromU8(entries['README.txt'])).toMatch(/Datasets without records.*: CM/);
    expect(strFromU8(entries['define.xml'])).toMatch(/Name="CM"[^>]*def:HasNoData="Yes"/);
  });

  it('stores a supplied stylesheet beside define.xml and links it', () => {
    const stylesheet = { name: 'define2-1.xsl', content: '<xsl:stylesheet version="1.0"/>' };
    const entries = unzipSync(writeSubmissionPackage(input({ stylesheet }).base).zip);
    expect(strFromU8(entries['define2-1.xsl'])).toBe(stylesheet.content);
    expect(strFromU8(entries['define.xml'])).toContain(
      '<?xml-stylesheet type="text/xsl" href="define2-1.xsl"?>',
    );
    expect(readmeHashes(strFromU8(entries['README.txt'])).has('define2-1.xsl')).toBe(true);
  });

  it('is reproducible for a fixed creation time', () => {
    const a = writeSubmissionPackage(input().base).zip;
    const b = writeSubmissionPackage(input().base).zip;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = writeSubmissionPackage(input({ createdAt: new Date('2026-02-03T04:05:07Z') }).base).zip;
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });
});

describe('writeIssuesCsv', () => {
  it('quotes per RFC 4180 and defuses formula-like cells', () => {
    expect(writeIssuesCsv(issues)).toBe(
      'ruleId,path,severity,message\r\n' +
        'CORE-000351,DM.USUBJID[2],error,"Duplicate, ""quoted"", value"\r\n' +
        `CORE-000019,VS.VSTEST,warning,"'=cmd|"" /C calc""!A0"\r\n`,
    );
  });
});
