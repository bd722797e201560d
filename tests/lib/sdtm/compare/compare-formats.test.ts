/**
 * The same study written as XPT and as CSV, read back through the shared folder reader, compares equal; and on
 * the CDISC pilot (when ../shared/corpus/sdtm is present): XPT vs its CSV, and the original vs the PHUSE update.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSdtmStudies } from '../../../../lib/sdtm/compare/compare-studies.ts';
import { writeCsv } from '../../../../lib/sdtm/csv/write-csv.ts';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { readSdtmFolder } from '../../../../lib/sdtm/read-dataset-folder.ts';
import { writeXpt } from '../../../../lib/sdtm/xpt/write-xpt.ts';
import { dataset, study } from './fixtures.ts';

const PILOT = path.resolve(import.meta.dirname, '../../../../../shared/corpus/sdtm');
const ORIGINAL = path.join(PILOT, 'cdiscpilot01_original');
const UPDATE = path.join(PILOT, 'cdiscpilot01_phuse_tdf_update2');
const pilotPresent = fs.existsSync(ORIGINAL) && fs.existsSync(UPDATE);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function write(datasets: readonly SdtmDataset[], format: 'xpt' | 'csv'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `imagehr-compare-${format}-`));
  dirs.push(dir);
  for (const d of datasets) {
    const file = path.join(dir, `${d.name.toLowerCase()}.${format}`);
    fs.writeFileSync(file, format === 'xpt' ? writeXpt([d]) : writeCsv(d));
  }
  return dir;
}

const read = (dir: string) => readSdtmFolder(dir).flatMap((f) => f.datasets);

describe('XPT and CSV of the same study', () => {
  it('compare equal, and a change in the CSV is found', () => {
    const xpt = write(study(), 'xpt');
    expect(compareSdtmStudies(read(xpt), read(write(study(), 'csv'))).differences).toEqual([]);

    const changed = study();
    dataset(changed, 'VS').rows[2].VSSTRESN = 36.7;
    const result = compareSdtmStudies(read(xpt), read(write(changed, 'csv')));
    expect(result.differences).toEqual([
      expect.objectContaining({
        path: 'VS[USUBJID=S1-001,VSTESTCD=TEMP,VISITNUM=2,VSDTC=2024-01-09].VSSTRESN',
        a: 36.6,
        b: 36.7,
      }),
    ]);
  });
});

describe.skipIf(!pilotPresent)(`CDISC pilot (${PILOT}; skipped when that folder is absent)`, () => {
  it('the PHUSE update compares equal with its own CSV export, LB and SUPPAE included', () => {
    const xpt = read(UPDATE).filter((d) => ['DM', 'AE', 'SUPPAE', 'LBCH', 'LBHE', 'LBUR'].includes(d.name));
    const csv = read(write(xpt, 'csv'));
    const started = performance.now();
    const result = compareSdtmStudies(xpt, csv);
    const seconds = (performance.now() - started) / 1000;
    expect(result.differences.slice(0, 5)).toEqual([]);
    expect(result.domains.find((d) => d.domain === 'LB')).toMatchObject({ rowsA: 59580, matched: 59580 });
    expect(seconds).toBeLessThan(10);
  }, 60_000);

  it('the original and the PHUSE update: DM and EX identical, AE and DS differ, LB only in the update', () => {
    const result = compareSdtmStudies(read(ORIGINAL), read(UPDATE));
    const byDomain = new Map(result.domains.map((d) => [d.domain, d]));
    expect(byDomain.get('DM')).toMatchObject({ matched: 306, differences: 0 });
    expect(byDomain.get('EX')).toMatchObject({ matched: 591, onlyInA: 0, onlyInB: 0, changedRecords: 0 });
    expect(byDomain.get('AE')?.onlyInA).toBeGreaterThan(0);
    expect(byDomain.get('DS')?.changedRecords).toBeGreaterThan(0);
    expect(result.differences).toContainEqual(
      expect.objectContaining({ kind: 'domain-only-in-b', path: 'LB', datasets: ['LBCH', 'LBHE', 'LBUR'] }),
    );
    expect(result.identical).toBe(false);
  }, 60_000);
});
