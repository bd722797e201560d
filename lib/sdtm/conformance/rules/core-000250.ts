import { mhDateVsRfstdtcRule } from './mh-date-vs-rfstdtc-rule.ts';

/** CG0078: medical history ends before the subject's reference start. */
export const core000250 = mhDateVsRfstdtcRule({
  id: 'CORE-000250',
  description: 'MHENDTC is on or after DM.RFSTDTC; medical history should precede the start of the trial',
  variable: 'MHENDTC',
});
