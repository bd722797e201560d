/**
 * Dates written in the text → ISO 8601 (SDTMIG §4.4: extended format, precision by right truncation, no
 * imputation). Recognised: 2019-03-05, 03/05/2019 and 3/5/19 (US month/day order), March 5, 2019, 5 March 2019,
 * March 2019 / 03/2019 (→ 2019-03), and a bare year after "in", "since", "from" (→ 2019). Times with a full date
 * ("03/05/2019 14:30") are kept to the minute. Two-digit years are expanded with a fixed pivot (00–30 → 20xx,
 * else 19xx) at lower confidence. Each date is a finding of kind "date" with the generic variable "--DTC";
 * a date after "DOB"/"date of birth"/"born" is DM BRTHDTC instead.
 */
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import { type Note, claim, overlapsClaim } from './note.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_SRC = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

const ISO_RE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?![\d])/g;
const US_RE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(?:at\s+)?(\d{1,2}):(\d{2}))?(?![\d/])/g;
const MONTH_DAY_YEAR_RE = new RegExp(
  String.raw`\b${MONTH_SRC}\s{1,2}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,2}(\d{4})\b`,
  'gi',
);
const DAY_MONTH_YEAR_RE = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s{1,2}(?:of\s)?${MONTH_SRC},?\s{1,2}(\d{4})\b`,
  'gi',
);
const MONTH_YEAR_RE = new RegExp(String.raw`\b${MONTH_SRC},?\s{1,2}(?:of\s)?(\d{4})\b`, 'gi');
const NUM_MONTH_YEAR_RE = /(?<![\d/])(\d{1,2})\/(\d{4})(?![\d/])/g;
const YEAR_RE = /\b(?:in|since|from|during|until|year|circa|back in)\s{1,2}((?:19|20)\d{2})(?![\d/-])/gi;
const BIRTH_BEFORE = /\b(?:dob|d\.o\.b\.|date of birth|birth ?date|born(?: on)?)\s{0,2}[:-]?\s{0,3}$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface DateMatch {
  start: number;
  end: number;
  iso: string;
  confidence: number;
}

function expandYear(y: string): { year: number; guessed: boolean } {
  if (y.length === 4) return { year: Number(y), guessed: false };
  const n = Number(y);
  return { year: n <= 30 ? 2000 + n : 1900 + n, guessed: true };
}

function collect(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  const each = (re: RegExp, fn: (m: RegExpExecArray) => DateMatch | undefined) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const d = fn(m);
      if (d) out.push(d);
    }
  };
  const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });
  each(ISO_RE, (m) => {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return undefined;
    let iso = `${m[1]}-${m[2]}-${m[3]}`;
    if (m[4] && Number(m[4]) < 24 && Number(m[5]) < 60) iso += `T${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
    return { ...span(m), iso, confidence: 0.95 };
  });
  each(US_RE, (m) => {
    const { year, guessed } = expandYear(m[3]);
    const [mo, d] = [Number(m[1]), Number(m[2])];
    if (!validDay(year, mo, d) || year < 1880 || year > 2100) return undefined;
    let iso = `${year}-${pad(mo)}-${pad(d)}`;
    if (m[4] && Number(m[4]) < 24 && Number(m[5]) < 60) iso += `T${pad(Number(m[4]))}:${m[5]}`;
    return { ...span(m), iso, confidence: guessed ? 0.6 : 0.9 };
  });
  each(MONTH_DAY_YEAR_RE, (m) => {
    const mo = MONTHS[m[1].toLowerCase().replace('.', '')];
    const [y, d] = [Number(m[3]), Number(m[2])];
    return mo && validDay(y, mo, d)
      ? { ...span(m), iso: `${y}-${pad(mo)}-${pad(d)}`, confidence: 0.92 }
      : undefined;
  });
  each(DAY_MONTH_YEAR_RE, (m) => {
    const mo = MONTHS[m[2].toLowerCase().replace('.', '')];
    const [y, d] = [Number(m[3]), Number(m[1])];
    return mo && validDay(y, mo, d)
      ? { ...span(m), iso: `${y}-${pad(mo)}-${pad(d)}`, confidence: 0.92 }
      : undefined;
  });
  each(MONTH_YEAR_RE, (m) => {
    const mo = MONTHS[m[1].toLowerCase().replace('.', '')];
    if (!mo || (m[1].toLowerCase() === 'may' && !/^May/.test(m[1]))) return undefined;
    return { ...span(m), iso: `${m[2]}-${pad(mo)}`, confidence: 0.85 };
  });
  each(NUM_MONTH_YEAR_RE, (m) => {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? { ...span(m), iso: `${m[2]}-${pad(mo)}`, confidence: 0.75 } : undefined;
  });
  each(YEAR_RE, (m) => {
    const start = m.index + m[0].length - m[1].length;
    return { start, end: start + 4, iso: m[1], confidence: 0.7 };
  });
  return out;
}

export function extractDates(note: Note): ExtractedFinding[] {
  const all = collect(note.text).sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const findings: ExtractedFinding[] = [];
  let lastEnd = -1;
  for (const d of all) {
    if (d.start < lastEnd || overlapsClaim(note, d.start, d.end)) continue;
    lastEnd = d.end;
    const birth = BIRTH_BEFORE.test(note.text.slice(Math.max(0, d.start - 20), d.start));
    findings.push(
      makeFinding(note, {
        kind: birth ? 'demographic' : 'date',
        domain: birth ? 'DM' : '',
        variables: birth ? { BRTHDTC: d.iso } : { '--DTC': d.iso },
        start: d.start,
        end: d.end,
        confidence: d.confidence,
      }),
    );
    claim(note, d.start, d.end);
  }
  return findings;
}
