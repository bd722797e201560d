import { uniqueInDmRule } from './unique-in-dm-rule.ts';

/** CG0151: USUBJID is unique in DM (one record per subject). */
export const core000351 = uniqueInDmRule({
  id: 'CORE-000351',
  description: 'USUBJID is not unique within study',
  variable: 'USUBJID',
  within: ['DOMAIN'],
});
