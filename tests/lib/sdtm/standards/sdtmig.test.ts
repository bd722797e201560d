import { describe, expect, it } from 'vitest';
import { domainSpec, sdtmigDomainNames, variableSpec } from '../../../../lib/sdtm/standards/sdtmig.ts';

describe('SDTMIG 3.4 metadata', () => {
  it('describes domains: class, structure and variables in SDTMIG order', () => {
    const vs = domainSpec('VS')!;
    expect(vs).toMatchObject({ name: 'VS', label: 'Vital Signs', class: 'Findings' });
    expect(vs.structure).toMatch(/^One record per vital sign measurement/);
    expect(vs.variables.slice(0, 4).map((v) => v.name)).toEqual(['STUDYID', 'DOMAIN', 'USUBJID', 'VSSEQ']);
    expect(vs.variables.map((v) => v.order)).toEqual(vs.variables.map((_, i) => i + 1));
    expect(sdtmigDomainNames()).toHaveLength(63);
    expect(domainSpec('dm')?.class).toBe('Special-Purpose');
    expect(domainSpec('XX')).toBeUndefined();
  });

  it('describes variables: label, type, role, core and codelists', () => {
    expect(variableSpec('VS', 'VSTESTCD')).toEqual({
      domain: 'VS',
      name: 'VSTESTCD',
      label: 'Vital Signs Test Short Name',
      type: 'Char',
      role: 'Topic',
      core: 'Req',
      codelists: ['C66741'],
      order: 7,
    });
    expect(variableSpec('LB', 'LBSTRESN')).toMatchObject({ type: 'Num', core: 'Exp', codelists: [] });
    expect(variableSpec('DS', 'DSDECOD')?.codelists).toEqual(['C66727', 'C114118', 'C150811']);
    expect(variableSpec('VS', 'LBTESTCD')).toBeUndefined();
  });

  it('reads -- as the domain prefix and SUPP-- datasets as SUPPQUAL', () => {
    expect(variableSpec('LB', '--ORRES')?.name).toBe('LBORRES');
    expect(domainSpec('SUPPAE')?.name).toBe('SUPPQUAL');
    expect(variableSpec('SUPPAE', 'QNAM')?.core).toBe('Req');
  });

  it('returns frozen, shared objects', () => {
    expect(domainSpec('VS')).toBe(domainSpec('VS'));
    expect(Object.isFrozen(variableSpec('VS', 'VSTESTCD'))).toBe(true);
  });
});
