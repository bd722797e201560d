// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * Reads the CDISC pilot XPT files of the corpus (../shared/corpus/sdtm, both folders: SAS 9.3/9.4 and
 * R-written files) and checks them against the corpus manifest and against the independent Python reader.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXpt, readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../../shared/corpus');
const READER = path.resolve(import.meta.dirname, '../../../fixtures/xpt/read_xpt.py');
const FOLDERS = ['sdtm/cdiscpilot01_original', 'sdtm/cdiscpilot01_phuse_tdf_update2'];
const files = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(path.join(CORPUS, folder))
    .filter((f) => f.endsWith('.xpt'))
    .sort()
    .map((f) => `${folder}/${f}`),
);

/** path -> { bytes, rows, columns, unique_usubjid, first_columns } from sdtm_manifest.csv (no quoted fields). */
const manifest = new Map(
  fs
    .readFileSync(path.join(CORPUS, 'sdtm/sdtm_manifest.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, bytes, rows, columns, unique, first] = line.split(',');
      return [
        file,
        { bytes: +bytes, rows: +rows, columns: +columns, unique: +unique, first: first.split(' ') },
      ];
    }),
);

describe('readXpt on the CDISC pilot corpus', () => {
  it('finds the files of both folders, all listed in the manifest', () => {
    expect(files.length).toBe(26);
    for (const f of files) expect(manifest.has(f), f).toBe(true);
  });

  for (const file of files) {
    it(`${file}: reads, and matches the manifest`, () => {
      const bytes = fs.readFileSync(path.join(CORPUS, file));
      const datasets = readXpt(bytes);
      expect(datasets).toHaveLength(1);
      const [ds] = datasets;
      const m = manifest.get(file)!;
      expect(bytes.length).toBe(m.bytes);
      expect(ds.name).toBe(path.basename(file, '.xpt').toUpperCase());
      expect(ds.rows.length).toBe(m.rows);
      expect(ds.variables.length).toBe(m.columns);
      expect(ds.variables.slice(0, m.first.length).map((v) => v.name)).toEqual(m.first);
      if (ds.variables.some((v) => v.name === 'USUBJID')) {
        expect(new Set(ds.rows.map((r) => r.USUBJID)).size).toBe(m.unique);
      }
      for (const row of ds.rows) {
        expect(Object.keys(row)).toHaveLength(ds.variables.length);
        expect(row.STUDYID).toBe('CDISCPILOT01');
      }
    });
  }

  it(
    'agrees value for value with the independent Python reader on every corpus file',
    { timeout: 300_000 },
    () => {
      const out = JSON.parse(
        execFileSync('python3', [READER, ...files.map((f) => path.join(CORPUS, f))], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        }),
      ) as { members: { name: string; rows: Record<string, unknown>[] }[] }[];
      files.forEach((file, i) => {
        const ours = parseXpt(fs.readFileSync(path.join(CORPUS, file))).members[0];
        const theirs = out[i].members[0];
        expect(theirs.name, file).toBe(ours.header.dsname);
        expect(theirs.rows.length, file).toBe(ours.rows.length);
        ours.rows.forEach((row, r) => {
          for (const [key, value] of Object.entries(row)) {
            const other = theirs.rows[r][key];
            const same =
              typeof value === 'object' && value !== null
                ? JSON.stringify(value) === JSON.stringify(other)
                : Object.is(value, other);
            if (!same)
              throw new Error(
                `${file} row ${r} ${key}: ${JSON.stringify(value)} vs ${JSON.stringify(other)}`,
              );
          }
        });
      });
    },
  );
});
