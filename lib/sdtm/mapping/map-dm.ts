/**
 * Demographics → DM, one record per subject, from the enrolment (Subject: SUBJID, USUBJID, RFSTDTC), the site
 * (SITEID) and the patient record (BRTHDTC, SEX, RACE, ETHNIC). Accepted DEMOGRAPHIC findings fill only what
 * the patient record lacks, and are then linked to the record. AGE is derived from complete BRTHDTC and RFSTDTC
 * (whole years, AGEU = YEARS), else taken from a reviewed finding with its unit. RACE and SEX are non-extensible CT: a
 * race no term matches becomes RACE = OTHER with the text in SUPPDM.RACEOTH (SDTMIG DM Assumption 6); a value
 * that cannot be mapped is left empty rather than guessed. USUBJID is the subject's stored one, assigned at
 * enrolment as STUDYID-SITEID-SUBJID and kept stable.
 */
import { ctTerm } from './controlled-terms.ts';
import { numeric, proposedVariables, text } from './finding-fields.ts';
import type { MappedRecord, SourceFinding, SubjectContext, SuppQualifier } from './mapping-types.ts';
import { ageInYears, asDtc } from './sdtm-dates.ts';
import { qualifier } from './supp-qualifiers.ts';

export interface DmSource {
  subject: SubjectContext;
  subjid: string;
  siteid: string;
  birthDate: Date | null;
  sex: string | null;
  race: string | null;
  ethnicity: string | null;
  /** Accepted DEMOGRAPHIC findings of the patient, oldest review first. */
  findings: SourceFinding[];
}

/** The latest reviewed value of a demographic variable, with the finding it came from. */
function fromFindings(findings: SourceFinding[], name: string): { value: string; id: string } | null {
  let found: { value: string; id: string } | null = null;
  for (const f of findings) {
    const v = proposedVariables(f);
    if (v[name] === undefined) continue;
    // The value column holds AGE, SEX or BRTHDTC as reviewed (finding-from-extraction.ts).
    const value = ['AGE', 'SEX', 'BRTHDTC'].includes(name) ? (text(f.value) ?? text(v[name])) : text(v[name]);
    if (value !== null) found = { value, id: f.id };
  }
  return found;
}

export function mapDemographics(src: DmSource): MappedRecord {
  const used = new Set<string>();
  const fill = (own: string | null, name: string, normalise: (x: string) => string | null) => {
    if (own !== null) return own;
    const f = fromFindings(src.findings, name);
    const value = f ? normalise(f.value) : null;
    if (f && value !== null) used.add(f.id);
    return value;
  };
  const { subject } = src;
  const rfstdtc = asDtc(subject.rfstdtc);
  const brthdtc = fill(src.birthDate ? src.birthDate.toISOString().slice(0, 10) : null, 'BRTHDTC', asDtc);
  const derived = ageInYears(brthdtc, rfstdtc);
  const stated = derived === null ? fromFindings(src.findings, 'AGE') : null;
  const statedUnit = stated
    ? ctTerm('AGEU', proposedVariables(src.findings.find((f) => f.id === stated.id)!).AGEU ?? 'YEARS')
    : null;
  const statedAge = stated && statedUnit ? numeric(stated.value) : null;
  if (stated && statedAge !== null) used.add(stated.id);
  const age = derived ?? statedAge;
  const ageu = derived !== null ? 'YEARS' : statedAge !== null ? statedUnit : null;
  const ownSex = ctTerm('SEX', src.sex);
  const sex = fill(ownSex === 'U' ? null : ownSex, 'SEX', (x) => ctTerm('SEX', x)) ?? ownSex;
  const supp: SuppQualifier[] = [];
  const raceText = fill(text(src.race), 'RACE', text);
  let race = ctTerm('RACE', raceText);
  if (race === null && raceText !== null) {
    race = 'OTHER';
    supp.push(...qualifier('RACEOTH', raceText, 'Collected'));
  }
  const ethnic = ctTerm('ETHNIC', fill(text(src.ethnicity), 'ETHNIC', text));
  return {
    domain: 'DM',
    key: `DM:${subject.subjectId}`,
    subject,
    variables: {
      STUDYID: subject.studyid,
      DOMAIN: 'DM',
      USUBJID: subject.usubjid,
      SUBJID: src.subjid,
      RFSTDTC: rfstdtc,
      SITEID: src.siteid,
      BRTHDTC: brthdtc,
      AGE: age,
      AGEU: ageu,
      SEX: sex,
      RACE: race,
      ETHNIC: ethnic,
    },
    order: { dtc: '', topic: subject.usubjid },
    findingIds: [...used].sort(),
    supp,
  };
}
