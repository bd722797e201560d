/** Scopes shared by several CORE rules (the `Scope` of their YAML). */
import type { RuleScope } from '../types.ts';

export const ALL: RuleScope = { classes: 'ALL', domains: 'ALL' };
export const DM_ONLY: RuleScope = { classes: ['SPECIAL PURPOSE'], domains: ['DM'] };
export const AE_ONLY: RuleScope = { classes: ['EVENTS'], domains: ['AE'] };
export const MH_ONLY: RuleScope = { classes: ['EVENTS'], domains: ['MH'] };
export const FINDINGS: RuleScope = { classes: ['FINDINGS'], domains: 'ALL' };
export const INTERVENTIONS: RuleScope = { classes: ['INTERVENTIONS'], domains: 'ALL' };
