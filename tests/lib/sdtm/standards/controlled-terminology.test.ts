import { describe, expect, it } from 'vitest';
import {
  allCodelists,
  codelist,
  CT_VERSION,
  isSubmissionValue,
  normalizeToCodelist,
} from '../../../../lib/sdtm/standards/controlled-terminology.ts';

describe('CDISC SDTM Controlled Terminology', () => {
  it('holds the whole 2025-03-28 release', () => {
    expect(CT_VERSION).toBe('2025-03-28');
    expect(allCodelists()).toHaveLength(1158);
    expect(allCodelists().reduce((n, c) => n + c.terms.length, 0)).toBe(43698);
  });

  it('finds a codelist by code, submission value or name, in any case', () => {
    const route = codelist('C66729')!;
    expect(route).toMatchObject({
      submissionValue: 'ROUTE',
      name: 'Route of Administration Response',
      extensible: true,
    });
    expect(codelist('route')).toBe(route);
    expect(codelist('Route of Administration Response')).toBe(route);
    expect(codelist('C66741')).toMatchObject({ submissionValue: 'VSTESTCD', extensible: true });
    expect(codelist('SEX')).toMatchObject({ code: 'C66731', extensible: false });
    expect(codelist('C00000')).toBeUndefined();
    expect(route.terms.find((t) => t.submissionValue === 'ORAL')).toEqual({
      code: 'C38288',
      submissionValue: 'ORAL',
      synonyms: ['Intraoral Route of Administration', 'PO'],
    });
  });

  it('normalizes synonyms and letter case to submission values', () => {
    expect(normalizeToCodelist('ROUTE', 'PO')).toEqual({
      found: true,
      value: 'ORAL',
      termCode: 'C38288',
      matchedBy: 'synonym',
      codelist: 'C66729',
      extensible: true,
    });
    expect(normalizeToCodelist('C66729', 'po')).toMatchObject({ found: true, value: 'ORAL' });
    expect(normalizeToCodelist('ROUTE', 'ORAL')).toMatchObject({ found: true, matchedBy: 'exact' });
    expect(normalizeToCodelist('ROUTE', ' oral ')).toMatchObject({
      found: true,
      value: 'ORAL',
      matchedBy: 'case',
    });
    expect(normalizeToCodelist('SEX', 'female')).toMatchObject({
      found: true,
      value: 'F',
      extensible: false,
    });
    expect(normalizeToCodelist('VSTESTCD', 'Systolic Blood Pressure')).toMatchObject({
      found: true,
      value: 'SYSBP',
    });
  });

  it('reports values outside the codelist with its extensibility, and ambiguous synonyms', () => {
    expect(normalizeToCodelist('SEX', 'X')).toEqual({ found: false, codelist: 'C66731', extensible: false });
    expect(normalizeToCodelist('ROUTE', 'BY MOUTH AND NOSE')).toEqual({
      found: false,
      codelist: 'C66729',
      extensible: true,
    });
    const amphetamine = normalizeToCodelist('LBTESTCD', 'amphetamine');
    expect(amphetamine.found).toBe(false);
    expect(!amphetamine.found && amphetamine.ambiguous).toEqual(['AMPEA', 'AMPHET']);
    expect(() => normalizeToCodelist('NOSUCHLIST', 'x')).toThrow(/unknown CDISC codelist/);
  });

  it('checks submission values exactly', () => {
    const sex = codelist('SEX')!;
    expect(isSubmissionValue(sex, 'F')).toBe(true);
    expect(isSubmissionValue(sex, 'f')).toBe(false);
    expect(isSubmissionValue(sex, 'Female')).toBe(false);
  });
});
