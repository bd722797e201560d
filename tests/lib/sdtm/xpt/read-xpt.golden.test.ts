// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * Reads the SAS-written reference samples (CDISC pilot, SDTM-MSG 2.0) and compares every decoded field with
 * the golden JSON decoded by an independent reader (../shared/reference/xpt-samples/.../expected).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXpt, readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';

const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../../../shared/reference/xpt-samples/cdiscpilot01-msg2',
);
const files = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.xpt'))
  .sort();

interface Golden {
  library: Record<string, string>;
  member: Record<string, string>;
  namestrLength: number;
  recordLength: number;
  variables: Record<string, unknown>[];
  nobs: number;
  rows: Record<string, unknown>[];
}

const golden = (file: string): Golden =>
  JSON.parse(fs.readFileSync(path.join(SAMPLES, 'expected', file.replace(/\.xpt$/, '.json')), 'utf8'));

/** The golden JSON keeps some header fields blank-padded ("SAS     "); ours are right-trimmed. */
const trimValues = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trimEnd()]));

describe('readXpt on the SAS-written reference samples', () => {
  it('finds all 20 samples, each with golden JSON', () => {
    expect(files).toHaveLength(20);
    for (const f of files)
      expect(fs.existsSync(path.join(SAMPLES, 'expected', f.replace('.xpt', '.json')))).toBe(true);
  });

  for (const file of files) {
    it(`${file}: headers, NAMESTR fields and every value match the golden JSON`, () => {
      const g = golden(file);
      const lib = parseXpt(fs.readFileSync(path.join(SAMPLES, file)));
      expect(lib.members).toHaveLength(1);
      const m = lib.members[0];
      expect(lib.library).toEqual(trimValues(g.library));
      expect(m.header).toEqual(trimValues(g.member));
      expect(m.namestrLength).toBe(g.namestrLength);
      expect(m.recordLength).toBe(g.recordLength);
      expect(m.nobs).toBe(g.nobs);
      // Every golden NAMESTR field, compared exactly (ours has a few more: justification, informat width).
      expect(m.variables.length).toBe(g.variables.length);
      m.variables.forEach((v, i) => {
        const picked = Object.fromEntries(Object.keys(g.variables[i]).map((k) => [k, (v as never)[k]]));
        expect(picked).toEqual(g.variables[i]);
      });
      expect(m.rows).toEqual(g.rows);
      // Same key order as the variables, so consumers iterating a row see the dataset order.
      expect(Object.keys(m.rows[0] ?? {})).toEqual(g.variables.map((v) => v.name));
    });

    it(`${file}: readXpt gives the SdtmDataset view (names, labels, types, lengths, values)`, () => {
      const g = golden(file);
      const [ds] = readXpt(fs.readFileSync(path.join(SAMPLES, file)));
      expect(ds.name).toBe(g.member.dsname.trimEnd());
      expect(ds.label).toBe(g.member.label);
      expect(ds.variables).toEqual(
        g.variables.map((v) => ({ name: v.name, label: v.label, type: v.type, length: v.length })),
      );
      const expectedRows = g.rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === 'object' ? null : v]),
        ),
      );
      expect(ds.rows).toEqual(expectedRows);
    });
  }
});
