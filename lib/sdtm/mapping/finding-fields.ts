/**
 * Reading a reviewed finding. A physician's edit changes the finding's columns (label, value, unit, code,
 * assertion), never its proposed `variables`; so the columns are the truth, and a proposed variable is used only
 * for what the columns do not hold (route, position, reference range...) or when it still agrees with them.
 */
import type { SdtmValue } from '../dataset.ts';
import { asDtc, dateOf } from './sdtm-dates.ts';
import type { SourceFinding, SubjectContext, SdtmVariables, NotMappedReason } from './mapping-types.ts';

export type ProposedVariables = Record<string, string | number>;

export function proposedVariables(f: SourceFinding): ProposedVariables {
  const v = f.variables;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const out: ProposedVariables = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  return out;
}

/** Trimmed non-empty text, or null. */
export function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The number a text holds when it is only a number ("138", "-1.5"), else null. */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const t = text(value);
  return t !== null && NUMBER.test(t) ? Number(t) : null;
}

/** STUDYID, DOMAIN, USUBJID: the identifiers every general-observation record starts with. */
export function identifiers(subject: SubjectContext, domain: string): SdtmVariables {
  return { STUDYID: subject.studyid, DOMAIN: domain, USUBJID: subject.usubjid };
}

/**
 * When the finding was collected: an image's study date, else the date of the encounter its document belongs to.
 * Null when neither is known; nothing is imputed.
 */
export function collectionDate(f: SourceFinding): string | null {
  return dateOf(f.image?.series.imagingStudy.startedAt) ?? dateOf(f.document?.encounter?.startedAt) ?? null;
}

/** A proposed timing variable of the finding (e.g. CMSTDTC), if it is valid ISO 8601. */
export function proposedDtc(v: ProposedVariables, name: string): string | null {
  return asDtc(v[name]);
}

/**
 * Which assertions a record may come from. Events and interventions hold what happened to the subject: a negated
 * one only as a pre-specified "did not occur" (--PRESP = Y, --OCCUR = N); family, hypothetical and uncertain
 * statements are not the subject's events. Findings (tests) hold results, negated ones included where the test
 * is an indicator.
 */
export function assertionGate(f: SourceFinding, o: { allowNegated: boolean }): NotMappedReason | null {
  switch (f.assertion) {
    case 'PRESENT':
    case 'HISTORICAL':
      return null;
    case 'NEGATED':
      return o.allowNegated ? null : 'NOT_OCCURRED';
    case 'FAMILY':
      return 'FAMILY_HISTORY';
    case 'HYPOTHETICAL':
      return 'HYPOTHETICAL';
    case 'POSSIBLE':
      return 'UNCERTAIN';
  }
}

/** Copies the proposed variables named, when present, as text. */
export function pick(v: ProposedVariables, names: string[]): Record<string, SdtmValue> {
  const out: Record<string, SdtmValue> = {};
  for (const n of names) {
    const t = text(v[n]);
    if (t !== null) out[n] = t;
  }
  return out;
}
