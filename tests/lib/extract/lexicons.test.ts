import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTED_CT } from '../../../lib/extract/ct-maps.ts';
import conditions from '../../../lib/extract/data/conditions.json' with { type: 'json' };
import { codelist } from '../../../lib/sdtm/standards/controlled-terminology.ts';
import drugs from '../../../lib/extract/data/drugs.json' with { type: 'json' };
import labs from '../../../lib/extract/data/labs.json' with { type: 'json' };

/** The submission values of a CDISC codelist (lib/sdtm/standards). */
const ctValues = (name: string) => codelist(name)!.terms.map((t) => t.submissionValue);

const DATA = path.resolve(import.meta.dirname, '../../../lib/extract/data');

describe('lexicons', () => {
  it('emits only CT submission values for units, routes, frequencies and forms', () => {
    for (const v of EMITTED_CT.UNIT) expect(ctValues('UNIT')).toContain(v);
    for (const v of EMITTED_CT.ROUTE) expect(ctValues('ROUTE')).toContain(v);
    for (const v of EMITTED_CT.FREQ) expect(ctValues('FREQ')).toContain(v);
    for (const v of EMITTED_CT.FRM) expect(ctValues('FRM')).toContain(v);
    for (const t of labs.tests) {
      expect(ctValues('LBTESTCD')).toContain(t.code);
      expect(t.test).not.toBe('');
    }
  });

  it('has a description for every ICD-10-CM code it suggests', () => {
    const codes = conditions.codes as Record<string, string>;
    for (const code of [...Object.values(conditions.terms), ...Object.values(conditions.caseSensitive)]) {
      expect(codes[code as string], code as string).toBeTruthy();
    }
    expect(Object.keys(conditions.terms).length).toBeGreaterThan(5000);
  });

  it('knows common generic and brand names', () => {
    const names = drugs.names as Record<string, string>;
    for (const n of [
      'lisinopril',
      'metformin',
      'atorvastatin',
      'acetaminophen',
      'furosemide',
      'insulin glargine',
    ])
      expect(names[n], n).toBe(n);
    expect(names.lasix).toBe('furosemide');
    expect(names.coumadin).toBe('warfarin');
  });

  it('stays small (a few MB in all)', () => {
    const bytes = fs
      .readdirSync(DATA)
      .filter((f) => f.endsWith('.json'))
      .reduce((sum, f) => sum + fs.statSync(path.join(DATA, f)).size, 0);
    expect(bytes).toBeLessThan(3_000_000);
  });
});
