/**
 * Demographics → DM: age (AGE + AGEU from "42-year-old", "42 y/o", "6-month-old", "Age: 42") and sex (SEX F/M
 * from the noun next to the age — "female", "woman", "gentleman", "F" — or from "Sex: Female"). Race and ethnicity
 * words inside the same phrase ("nonhispanic white female") give RACE / ETHNIC. Pronouns are never used. An age
 * that belongs to someone else ("her 5-year-old son") is skipped. Birth dates come from dates.ts (BRTHDTC).
 */
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import { type Note, claim, overlapsClaim } from './note.ts';

const AGE_PHRASE_RE =
  /(?<![\d/.-])\b(\d{1,3})(?:\s|-){0,2}(?:(years?|yrs?|months?|mos?|weeks?|wks?|days?)(?:\s|-){0,2}old\b|(?:y\/o|y\.o\.|yo|yr\.?\s?old|y)(?![a-z/]))/dgi;
const AGE_LABEL_RE =
  /\bage\s{0,2}(?::|is|of)\s{0,2}(\d{1,3})\b(?:\s{0,2}(years?|yrs?|months?|weeks?|days?))?/dgi;
const SEX_LABEL_RE = /\b(?:sex|gender)\s{0,2}:\s{0,2}(female|male|f|m|woman|man)\b/dgi;
/** Words allowed between the age and the sex noun ("42-year-old right-handed African American female"). */
const BETWEEN_RE =
  /^(?:[\s,-]{0,3}(?:(?:non-?)?hispanic|latin[oa]|white|caucasian|black|african[\s-]american|asian|american|indian|alaska native|pacific islander|native|right[\s-]handed|left[\s-]handed|pleasant|healthy|obese|morbidly|thin|well[\s-]developed|well[\s-]nourished|married|single|divorced|widowed|retired|g\d+p\d+(?:-\d+){0,3}|gravida\s\d+|para\s\d+|postmenopausal|premenopausal|previously|otherwise|[a-z]{1,2}\b)){0,6}[\s,-]{0,3}$/i;
const SEX_AFTER_RE =
  /^((?:[\s,-]{0,3}(?:[A-Za-z][A-Za-z-]*|g\d+p\d+(?:-\d+){0,3})){0,6}?)[\s,-]{0,3}(female|male|woman|man|lady|gentleman|girl|boy|f|m)\b/i;
const OTHER_PERSON_AFTER =
  /^[\s-]{0,3}(?:son|daughter|child|children|baby|infant|brother|sister|mother|father|grandson|granddaughter|nephew|niece|cousin|husband|wife|boyfriend|girlfriend|partner|friend|sibling|twin|dog|cat)\b/i;
const OTHER_PERSON_BEFORE =
  /\b(?:her|his|their|my|your|whose|born to an?|mother is an?|father is an?)\s{1,2}$/i;

const SEX: Record<string, string> = {
  female: 'F',
  woman: 'F',
  lady: 'F',
  girl: 'F',
  f: 'F',
  male: 'M',
  man: 'M',
  gentleman: 'M',
  boy: 'M',
  m: 'M',
};

function ageUnit(written: string | undefined): string {
  const u = (written ?? 'y').toLowerCase();
  if (u.startsWith('mo')) return 'MONTHS';
  if (u.startsWith('w')) return 'WEEKS';
  if (u.startsWith('d')) return 'DAYS';
  return 'YEARS';
}

function raceEthnic(words: string): { RACE?: string; ETHNIC?: string } {
  const w = words.toLowerCase();
  const out: { RACE?: string; ETHNIC?: string } = {};
  if (/\bnon-?\s?hispanic\b/.test(w)) out.ETHNIC = 'NOT HISPANIC OR LATINO';
  else if (/\b(hispanic|latin[oa])\b/.test(w)) out.ETHNIC = 'HISPANIC OR LATINO';
  if (/\b(white|caucasian)\b/.test(w)) out.RACE = 'WHITE';
  else if (/\b(black|african[\s-]american)\b/.test(w)) out.RACE = 'BLACK OR AFRICAN AMERICAN';
  else if (/\basian\b/.test(w)) out.RACE = 'ASIAN';
  return out;
}

export function extractDemographics(note: Note): ExtractedFinding[] {
  const { text } = note;
  const findings: ExtractedFinding[] = [];
  const push = (
    start: number,
    end: number,
    variables: Record<string, string | number | undefined>,
    confidence: number,
  ) => {
    if (overlapsClaim(note, start, end)) return;
    findings.push(
      makeFinding(note, { kind: 'demographic', domain: 'DM', variables, start, end, confidence }),
    );
    claim(note, start, end);
  };

  AGE_PHRASE_RE.lastIndex = 0;
  for (let m = AGE_PHRASE_RE.exec(text); m !== null; m = AGE_PHRASE_RE.exec(text)) {
    const age = Number(m[1]);
    const unit = ageUnit(m[2]);
    if ((unit === 'YEARS' && age > 120) || age === 0) continue;
    const end = m.index + m[0].length;
    const rest = text.slice(end, end + 80);
    if (
      OTHER_PERSON_AFTER.test(rest) ||
      OTHER_PERSON_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))
    )
      continue;
    const bareY = !m[2] && /^\d{1,3}y$/i.test(m[0].replace(/\s/g, '')); // "42 y" alone is too weak
    const vars: Record<string, string | number | undefined> = { AGE: age, AGEU: unit };
    let spanEnd = end;
    const sex = SEX_AFTER_RE.exec(rest);
    if (sex && BETWEEN_RE.test(sex[1])) {
      const noun = sex[2];
      // A one-letter sex ("42 yo F") only in capitals and right after the age.
      if (noun.length > 1 || (/^[FM]$/.test(noun) && /^[\s,-]{0,3}$/.test(sex[1]))) {
        vars.SEX = SEX[noun.toLowerCase()];
        Object.assign(vars, raceEthnic(sex[1]));
        spanEnd = end + sex.index + sex[0].length;
      }
    }
    if (bareY && !vars.SEX) continue;
    push(m.index, spanEnd, vars, vars.SEX ? 0.95 : 0.85);
  }
  AGE_LABEL_RE.lastIndex = 0;
  for (let m = AGE_LABEL_RE.exec(text); m !== null; m = AGE_LABEL_RE.exec(text)) {
    const [start] = m.indices![1];
    const end = (m.indices![2] ?? m.indices![1])[1];
    push(start, end, { AGE: Number(m[1]), AGEU: ageUnit(m[2]) }, 0.9);
  }
  SEX_LABEL_RE.lastIndex = 0;
  for (let m = SEX_LABEL_RE.exec(text); m !== null; m = SEX_LABEL_RE.exec(text)) {
    const [start, end] = m.indices![1];
    push(start, end, { SEX: SEX[m[1].toLowerCase()] }, 0.95);
  }
  return findings.sort((a, b) => a.start - b.start);
}
