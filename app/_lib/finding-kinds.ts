/**
 * The kinds of finding the review page colours, in legend order. Colours live in globals.css
 * (`.kind-<KIND>` sets `--kind`); the kind is always written out too, so colour is never the only cue.
 */
export const FINDING_KINDS = [
  'VITAL_SIGN',
  'MEDICATION',
  'ALLERGY',
  'CONDITION',
  'SYMPTOM',
  'LAB',
  'PROCEDURE',
  'IMAGING',
  'DATE',
  'DEMOGRAPHIC',
  'ADVERSE_EVENT',
  'BIRADS',
  'LESION',
] as const;

export const kindClass = (kind: string) =>
  (FINDING_KINDS as readonly string[]).includes(kind) ? `kind-${kind}` : 'kind-OTHER';
