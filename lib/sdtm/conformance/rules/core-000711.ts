import { compareDtc } from '../iso8601.ts';
import { recordRule } from '../record-rule.ts';
import { nonEmpty, text } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** RFSTDTC is not after RFENDTC (compared at their common precision). */
export const core000711 = recordRule({
  id: 'CORE-000711',
  description: 'RFSTDTC falls after RFENDTC',
  scope: DM_ONLY,
  variables: ['RFSTDTC', 'RFENDTC'],
  test: ([start, end]) => nonEmpty(start) && nonEmpty(end) && (compareDtc(text(start), text(end)) ?? 0) > 0,
});
