import { uniqueInDmRule } from './unique-in-dm-rule.ts';

/** CG0150: SUBJID is unique within the study. */
export const core000186 = uniqueInDmRule({
  id: 'CORE-000186',
  description: 'SUBJID is not unique within study',
  variable: 'SUBJID',
  within: ['STUDYID'],
});
