/** The checker's own checks, beside the CORE rules: dates, --SEQ, required values, CT, SAS V5 limits. */
import type { Rule } from '../types.ts';
import { controlledTerms } from './controlled-terms.ts';
import { iso8601Dates } from './iso8601-dates.ts';
import { requiredValues } from './required-values.ts';
import { sasV5Labels, sasV5Names, sasV5Values } from './sas-v5-limits.ts';
import { seqUnique } from './seq-unique.ts';

export const BUILTIN_RULES: readonly Rule[] = [
  iso8601Dates,
  seqUnique,
  requiredValues,
  controlledTerms,
  sasV5Names,
  sasV5Labels,
  sasV5Values,
];
