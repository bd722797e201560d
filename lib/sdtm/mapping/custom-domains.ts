/**
 * Sponsor-defined (custom) domains. SDTMIG 3.4 has no home for breast imaging assessments (SDTM-GUIDE §7
 * "Mammography / BI-RADS"): no body-system domain covers the breast and CT has no BI-RADS codelist. SDTMIG §2.6
 * reserves the X-, Y- and Z- prefixes for sponsor domains, so BI-RADS results go to XB, a Findings domain built
 * from the Findings general-observation class, flagged non-standard in define.xml. The test is BIRADSC
 * ("BI-RADS Assessment Category", sponsor test code) with XBORRES 0–6 or 4A/4B/4C.
 */
import type { SdtmVariable } from '../dataset.ts';

export interface CustomDomain {
  name: string;
  label: string;
  class: 'Findings';
  structure: string;
  variables: SdtmVariable[];
}

const v = (
  name: string,
  label: string,
  type: 'Char' | 'Num',
  role: string,
  core: SdtmVariable['core'],
  codelist?: string,
): SdtmVariable => ({ name, label, type, role, core, ...(codelist ? { codelist } : {}) });

export const XB: CustomDomain = {
  name: 'XB',
  label: 'Breast Imaging Findings (BI-RADS)',
  class: 'Findings',
  structure: 'One record per test per imaging study per subject',
  variables: [
    v('STUDYID', 'Study Identifier', 'Char', 'Identifier', 'Req'),
    v('DOMAIN', 'Domain Abbreviation', 'Char', 'Identifier', 'Req'),
    v('USUBJID', 'Unique Subject Identifier', 'Char', 'Identifier', 'Req'),
    v('XBSEQ', 'Sequence Number', 'Num', 'Identifier', 'Req'),
    v('XBSPID', 'Sponsor-Defined Identifier', 'Char', 'Identifier', 'Perm'),
    v('XBTESTCD', 'Breast Imaging Test Short Name', 'Char', 'Topic', 'Req'),
    v('XBTEST', 'Breast Imaging Test Name', 'Char', 'Synonym Qualifier', 'Req'),
    v('XBORRES', 'Result or Finding in Original Units', 'Char', 'Result Qualifier', 'Exp'),
    v('XBSTRESC', 'Character Result/Finding in Std Format', 'Char', 'Result Qualifier', 'Exp'),
    v('XBSTRESN', 'Numeric Result/Finding in Standard Units', 'Num', 'Result Qualifier', 'Perm'),
    v('XBLOC', 'Location Used for the Measurement', 'Char', 'Record Qualifier', 'Perm', 'C74456'),
    v('XBLAT', 'Laterality', 'Char', 'Variable Qualifier', 'Perm', 'C99073'),
    v('XBMETHOD', 'Method of Test or Examination', 'Char', 'Record Qualifier', 'Perm', 'C85492'),
    v('XBDTC', 'Date/Time of Test', 'Char', 'Timing', 'Exp'),
    v('XBDY', 'Study Day of Test', 'Num', 'Timing', 'Perm'),
  ],
};

export const CUSTOM_DOMAINS: Record<string, CustomDomain> = { XB };
