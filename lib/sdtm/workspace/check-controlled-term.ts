/**
 * The controlled-terminology check for workspace edits (a `TermCheck` for validate-record-edit.ts): a value of a
 * variable whose codelists are all non-extensible must be one of their submission values, exactly. Extensible
 * codelists accept sponsor-defined terms; custom domains and uncontrolled variables are not checked here.
 */
import { codelist, isSubmissionValue } from '../standards/controlled-terminology.ts';
import { variableSpec } from '../standards/sdtmig.ts';
import type { TermCheck } from './validate-record-edit.ts';

const LISTED_TERMS = 12;

export const checkControlledTerm: TermCheck = (domain, variable, value) => {
  if (value === '') return null;
  const lists = (variableSpec(domain, variable)?.codelists ?? []).map((c) => codelist(c)).filter((c) => !!c);
  if (!lists.length || lists.some((l) => l.extensible)) return null;
  if (lists.some((l) => isSubmissionValue(l, value))) return null;
  const terms = lists.flatMap((l) => l.terms.map((t) => t.submissionValue));
  const shown = terms.slice(0, LISTED_TERMS).join(', ') + (terms.length > LISTED_TERMS ? ', …' : '');
  const names = lists.map((l) => `${l.submissionValue} (${l.code})`).join(' or ');
  return `"${value}" is not in the non-extensible codelist ${names}: use one of ${shown}`;
};
