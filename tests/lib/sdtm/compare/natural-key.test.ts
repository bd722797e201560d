/** Natural keys per domain class: never --SEQ, only variables both sides have. */
import { describe, expect, it } from 'vitest';
import { naturalKeyVariables } from '../../../../lib/sdtm/compare/natural-key.ts';

const both = (domain: string, names: string) =>
  naturalKeyVariables(domain, names.split(' '), names.split(' '));

describe('naturalKeyVariables', () => {
  it('keys findings by subject, test, visit, date and time point', () => {
    expect(both('VS', 'STUDYID DOMAIN USUBJID VSSEQ VSTESTCD VSORRES VISITNUM VSDTC VSTPT')).toEqual([
      'USUBJID',
      'VSTESTCD',
      'VISITNUM',
      'VSDTC',
      'VSTPT',
    ]);
    expect(both('LB', 'USUBJID LBSEQ LBTESTCD LBDTC')).toEqual(['USUBJID', 'LBTESTCD', 'LBDTC']);
  });

  it('keys interventions and events by subject, topic and start date (collection date without one)', () => {
    expect(both('CM', 'USUBJID CMSEQ CMTRT CMSTDTC CMENDTC')).toEqual(['USUBJID', 'CMTRT', 'CMSTDTC']);
    expect(both('AE', 'USUBJID AESEQ AETERM AESTDTC')).toEqual(['USUBJID', 'AETERM', 'AESTDTC']);
    expect(both('AE', 'USUBJID AESEQ AETERM AEDTC')).toEqual(['USUBJID', 'AETERM', 'AEDTC']);
  });

  it('keys DM by subject, SUPP-- by parent reference and qualifier name', () => {
    expect(both('DM', 'STUDYID DOMAIN USUBJID AGE')).toEqual(['USUBJID']);
    expect(both('SUPPAE', 'STUDYID RDOMAIN USUBJID IDVAR IDVARVAL QNAM QVAL')).toEqual([
      'RDOMAIN',
      'USUBJID',
      'IDVAR',
      'IDVARVAL',
      'QNAM',
    ]);
  });

  it('leaves out a key variable one side lacks', () => {
    const a = 'USUBJID VSSEQ VSTESTCD VISITNUM VSDTC VSTPT'.split(' ');
    expect(naturalKeyVariables('VS', a, a.slice(0, 5))).toEqual(['USUBJID', 'VSTESTCD', 'VISITNUM', 'VSDTC']);
  });

  it('keys an unknown domain by every shared variable except --SEQ', () => {
    expect(naturalKeyVariables('XB', ['USUBJID', 'XBSEQ', 'XBVAL'], ['USUBJID', 'XBVAL', 'XBSEQ'])).toEqual([
      'USUBJID',
      'XBVAL',
    ]);
  });
});
