/** Small SDTM studies for the comparison tests: DM, VS (findings), AE (events) and SUPPAE. */
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../../../../lib/sdtm/dataset.ts';

function variables(names: string, numeric: string[] = []): SdtmVariable[] {
  return names.split(' ').map((name) => ({
    name,
    label: name,
    type: numeric.includes(name) ? 'Num' : 'Char',
  }));
}

function rows(names: string, data: SdtmValue[][]): Record<string, SdtmValue>[] {
  const cols = names.split(' ');
  return data.map((values) => Object.fromEntries(cols.map((c, i) => [c, values[i]])));
}

const DM_VARS = 'STUDYID DOMAIN USUBJID SUBJID AGE SEX';
const VS_VARS = 'STUDYID DOMAIN USUBJID VSSEQ VSTESTCD VSORRES VSSTRESN VISITNUM VSDTC';
const AE_VARS = 'STUDYID DOMAIN USUBJID AESEQ AETERM AESEV AESTDTC';
const SUPP_VARS = 'STUDYID RDOMAIN USUBJID IDVAR IDVARVAL QNAM QLABEL QVAL';

/** A fresh copy each call, so a test can change it freely. */
export function study(): SdtmDataset[] {
  return [
    {
      name: 'DM',
      label: 'Demographics',
      variables: variables(DM_VARS, ['AGE']),
      rows: rows(DM_VARS, [
        ['S1', 'DM', 'S1-001', '001', 42, 'F'],
        ['S1', 'DM', 'S1-002', '002', 57, 'M'],
      ]),
    },
    {
      name: 'VS',
      label: 'Vital Signs',
      variables: variables(VS_VARS, ['VSSEQ', 'VSSTRESN', 'VISITNUM']),
      rows: rows(VS_VARS, [
        ['S1', 'VS', 'S1-001', 1, 'SYSBP', '138', 138, 1, '2024-01-02'],
        ['S1', 'VS', 'S1-001', 2, 'DIABP', '86', 86, 1, '2024-01-02'],
        ['S1', 'VS', 'S1-001', 3, 'TEMP', '36.6', 36.6, 2, '2024-01-09'],
        ['S1', 'VS', 'S1-002', 1, 'SYSBP', '121', 121, 1, '2024-01-03'],
      ]),
    },
    {
      name: 'AE',
      label: 'Adverse Events',
      variables: variables(AE_VARS, ['AESEQ']),
      rows: rows(AE_VARS, [
        ['S1', 'AE', 'S1-001', 1, 'HEADACHE', 'MILD', '2024-01-03'],
        ['S1', 'AE', 'S1-001', 2, 'NAUSEA', 'MODERATE', '2024-01-04'],
        ['S1', 'AE', 'S1-002', 1, 'HEADACHE', 'SEVERE', '2024-01-05'],
      ]),
    },
    {
      name: 'SUPPAE',
      label: 'Supplemental Qualifiers for AE',
      variables: variables(SUPP_VARS),
      rows: rows(SUPP_VARS, [
        ['S1', 'AE', 'S1-001', 'AESEQ', '1', 'AETRTEM', 'Treatment Emergent Flag', 'Y'],
        ['S1', 'AE', 'S1-001', 'AESEQ', '2', 'AETRTEM', 'Treatment Emergent Flag', 'N'],
      ]),
    },
  ];
}

export function dataset(datasets: SdtmDataset[], name: string): SdtmDataset {
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`no ${name} in fixture`);
  return found;
}
