/**
 * Clinical section detection. Headers come from medspacy's section patterns plus a curated list
 * (data/section-headers.json) and are found in the three layouts of our corpora:
 *   "PAST MEDICAL HISTORY:, He has ..."   (MTSamples: colon headers run together with commas)
 *   "CHIEF COMPLAINT\n\nFollow-up ..."     (ACI-Bench: a capitalised header alone on its line)
 *   "# Allergies\nNo Known Allergies."     (Synthea: markdown headers)
 * Unknown ALL-CAPS headers still end the previous section (their own section is left unnamed). Body-system
 * headers ("HEENT:", "LUNGS:") inside a review of systems or physical exam continue that section.
 */
import headerData from './data/section-headers.json' with { type: 'json' };
import { normalizePhrase } from './tokens.ts';

export interface Section {
  /** Canonical section id ("medications", "family_history", ...); undefined when the header is not known. */
  name?: string;
  headerStart: number;
  headerEnd: number;
  /** Content range: from the end of the header to the next header. */
  start: number;
  end: number;
}

const HEADERS = new Map(Object.entries(headerData.headers as Record<string, string>));
const SUBSECTIONS = new Set(headerData.subsections);
const EXAM_SECTIONS = new Set(['review_of_systems', 'physical_exam']);

/** Keyword fallback for headers not in the list ("PAST MEDICAL HISTORY/PAST SURGICAL HISTORY"). */
const KEYWORD_RULES: [RegExp, string][] = [
  [/\bchief complaint|\breason for (visit|consult)/, 'chief_complaint'],
  [/\bhistory of (the )?present illness\b/, 'history_of_present_illness'],
  [/\bfamily (medical )?history\b/, 'family_history'],
  [/\bsocial history\b/, 'social_history'],
  [/\bsurgical history\b/, 'past_surgical_history'],
  [/\b(past|medical) history\b/, 'past_medical_history'],
  [/\ballerg/, 'allergies'],
  [/\bmedication|\bmeds\b/, 'medications'],
  [/\breview of systems?\b/, 'review_of_systems'],
  [/\bphysical exam/, 'physical_exam'],
  [/\bvital/, 'vital_signs'],
  [/\blab(oratory|s)?\b/, 'labs'],
  [/\b(imaging|radiolog)/, 'imaging'],
  [/\b(impression|assessment)\b.*\bplan\b/, 'assessment_and_plan'],
  [/\b(impression|assessment)\b/, 'assessment'],
  [/\bdiagnos[ie]s\b|\bdx\b/, 'diagnoses'],
  [/\bplan\b/, 'plan'],
  [/\bhospital course\b/, 'hospital_course'],
  [/\bindications?\b/, 'indications'],
  [/\bprocedures?\b|\boperations?\b/, 'procedures'],
  [/\bfindings\b/, 'findings'],
  [/\bcomplications?\b/, 'complications'],
];

function canonicalHeader(norm: string): string | undefined {
  const known = HEADERS.get(norm);
  if (known) return known;
  for (const [re, name] of KEYWORD_RULES) if (re.test(norm)) return name;
  return undefined;
}

interface HeaderCandidate {
  norm: string;
  headerStart: number;
  headerEnd: number;
}

/** Places where a colon header may start: the start of the text or a line, or after ". ", ", ", "; " or two spaces. */
const BOUNDARY_RE = /\n|[.,;!?]\s{0,4}|\s{2,}/g;
/** Header text ending in a colon, read at a boundary; bounded so each attempt is O(1). */
const COLON_HEADER_RE = /[ \t]*(?:#{1,6}[ \t]*|[•*-][ \t]+)?([A-Za-z][A-Za-z0-9 &/(),'-]{0,60}?)[ \t]{0,3}:/y;
/** A header alone on its line (capitalised or markdown). */
const LINE_HEADER_RE = /^[ \t]*(#{1,6}[ \t]*)?([A-Za-z][A-Za-z0-9 &/(),'-]{1,60}?)[ \t]*:?[ \t]*$/gm;

const isAllCaps = (s: string) => /[A-Z]/.test(s) && !/[a-z]/.test(s);
const letterCount = (s: string) => s.replace(/[^A-Za-z]/g, '').length;

function acceptHeader(raw: string, norm: string, atLineStart: boolean, markdown: boolean): boolean {
  const words = norm.split(' ').length;
  if (!norm || words > 7) return false;
  if (markdown) return true;
  if (isAllCaps(raw))
    return canonicalHeader(norm) !== undefined || SUBSECTIONS.has(norm) || letterCount(raw) >= 4;
  // Mixed case ("Past Medical History:"): only listed headers, not the keyword fallback.
  return (HEADERS.has(norm) || SUBSECTIONS.has(norm)) && atLineStart && words <= 5 && /^[A-Z]/.test(raw);
}

function collectCandidates(text: string): HeaderCandidate[] {
  const found: HeaderCandidate[] = [];
  const tryColonAt = (pos: number) => {
    COLON_HEADER_RE.lastIndex = pos;
    const m = COLON_HEADER_RE.exec(text);
    if (!m) return;
    const raw = m[1].trim();
    const norm = normalizePhrase(raw);
    const lineStart =
      pos === 0 || text[pos - 1] === '\n' || /\n[ \t]*$/.test(text.slice(Math.max(0, pos - 8), pos));
    const markdown = /^[ \t]*#/.test(m[0]);
    if (
      !acceptHeader(raw, norm, lineStart || /[.,]\s*$/.test(text.slice(Math.max(0, pos - 3), pos)), markdown)
    )
      return;
    const headerStart = m.index + m[0].indexOf(m[1]);
    found.push({ norm, headerStart, headerEnd: m.index + m[0].length });
  };
  tryColonAt(0);
  BOUNDARY_RE.lastIndex = 0;
  for (let b = BOUNDARY_RE.exec(text); b !== null; b = BOUNDARY_RE.exec(text))
    tryColonAt(b.index + b[0].length);

  LINE_HEADER_RE.lastIndex = 0;
  for (let m = LINE_HEADER_RE.exec(text); m !== null; m = LINE_HEADER_RE.exec(text)) {
    if (m[0].length === 0) {
      LINE_HEADER_RE.lastIndex++;
      continue;
    }
    const raw = m[2].trim();
    const norm = normalizePhrase(raw);
    const markdown = m[1] !== undefined;
    if (!markdown && !isAllCaps(raw) && !/:[ \t]*$/.test(m[0])) {
      // Title-case line without a colon: only well-known headers ("Chief Complaint", "Assessment and Plan").
      if (!HEADERS.has(norm)) continue;
    }
    if (!acceptHeader(raw, norm, true, markdown)) continue;
    const headerStart = m.index + m[0].indexOf(m[2]);
    found.push({ norm, headerStart, headerEnd: m.index + m[0].length });
  }
  found.sort((a, b) => a.headerStart - b.headerStart || b.headerEnd - a.headerEnd);
  const out: HeaderCandidate[] = [];
  for (const c of found) if (!out.length || c.headerStart >= out[out.length - 1].headerEnd) out.push(c);
  return out;
}

/** Sections in document order; text before the first header is an unnamed section. */
export function findSections(text: string): Section[] {
  const headers = collectCandidates(text);
  const sections: Section[] = [];
  let parentExam: string | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const known = HEADERS.get(h.norm);
    let name: string | undefined;
    if (known === undefined && SUBSECTIONS.has(h.norm)) name = parentExam;
    else {
      name = known ?? canonicalHeader(h.norm);
      if (name && EXAM_SECTIONS.has(name)) parentExam = name;
      else if (name !== 'vital_signs') parentExam = undefined;
    }
    const end = i + 1 < headers.length ? headers[i + 1].headerStart : text.length;
    sections.push({ name, headerStart: h.headerStart, headerEnd: h.headerEnd, start: h.headerEnd, end });
  }
  return sections;
}

/** The section containing `offset`, by binary search over `sections` (sorted, non-overlapping). */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headerStart <= offset) {
      found = sections[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.end ? found : undefined;
}
