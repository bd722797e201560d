/**
 * Values → CDISC controlled terminology (CT 2025-03-28). The sponsor maps of lib/extract/ct-maps.ts (PO → ORAL,
 * BID, mcg → ug, tab → TABLET) come first, then the CT submission values and CDISC synonyms
 * (lib/sdtm/standards). A value no list knows is kept as written, so nothing is lost and the conformance check
 * reports it; an empty value stays empty.
 */
import { doseCountUnit, doseForm, doseUnit, frequency, route } from '../../extract/ct-maps.ts';
import { codelist, normalizeToCodelist } from '../standards/controlled-terminology.ts';
import { text } from './finding-fields.ts';

/** The CT submission value for `value` in `list` (code or short name), or null when not in the list. */
export function ctTerm(list: string, value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  const n = normalizeToCodelist(list, t);
  return n.found ? n.value : null;
}

/** The CT value when one matches, else the value as written (trimmed), else null. */
export function ctOrWritten(list: string, value: unknown): string | null {
  return ctTerm(list, value) ?? text(value);
}

export const ctRoute = (v: unknown) => {
  const t = text(v);
  return t === null ? null : (route(t) ?? ctOrWritten('ROUTE', t));
};
export const ctFrequency = (v: unknown) => {
  const t = text(v);
  return t === null ? null : (frequency(t) ?? ctOrWritten('FREQ', t));
};
export const ctDoseForm = (v: unknown) => {
  const t = text(v);
  return t === null ? null : (doseForm(t) ?? ctOrWritten('FRM', t));
};
export const ctDoseUnit = (v: unknown) => {
  const t = text(v);
  return t === null ? null : (doseUnit(t) ?? doseCountUnit(t) ?? ctOrWritten('UNIT', t));
};

/** No/Yes (NY, C66742): Y, N, U, NA. */
export const ctNoYes = (v: unknown) => ctTerm('C66742', v);

/**
 * A test code and name from a test code or a test name, through the paired codelists (--TESTCD and --TEST terms
 * share their NCI code): "SYSBP" or "Systolic Blood Pressure" → { SYSBP, Systolic Blood Pressure }.
 */
export function ctTest(
  codeList: string,
  nameList: string,
  value: unknown,
): { testcd: string; test: string } | null {
  const t = text(value);
  if (t === null) return null;
  const codes = codelist(codeList);
  const names = codelist(nameList);
  if (!codes || !names) return null;
  let termCode: string | undefined;
  const byCode = normalizeToCodelist(codes.code, t);
  if (byCode.found) termCode = byCode.termCode;
  else {
    const byName = normalizeToCodelist(names.code, t);
    if (byName.found) termCode = byName.termCode;
  }
  if (!termCode) return null;
  const testcd = codes.terms.find((x) => x.code === termCode)?.submissionValue;
  const test = names.terms.find((x) => x.code === termCode)?.submissionValue;
  return testcd && test ? { testcd, test } : null;
}

/** DICOM modality → METHOD (C85492). */
export function methodForModality(modality: string | null | undefined): string | null {
  switch ((modality ?? '').toUpperCase()) {
    case 'CR':
    case 'DX':
      return 'X-RAY';
    case 'CT':
      return 'CT SCAN';
    case 'MR':
      return 'MRI';
    case 'US':
      return 'ULTRASOUND';
    case 'MG':
      return 'MAMMOGRAPHY';
    default:
      return null;
  }
}

/** DICOM laterality (L, R, B) or a written one → LAT (C99073). */
export function ctLaterality(value: unknown): string | null {
  const t = text(value)?.toUpperCase();
  if (!t) return null;
  const dicom: Record<string, string> = { L: 'LEFT', R: 'RIGHT', B: 'BILATERAL' };
  return dicom[t] ?? ctOrWritten('LAT', t);
}
