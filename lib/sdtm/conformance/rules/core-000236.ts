import { mhDateVsRfstdtcRule } from './mh-date-vs-rfstdtc-rule.ts';

/** CG0079: medical history starts before the subject's reference start. */
export const core000236 = mhDateVsRfstdtcRule({
  id: 'CORE-000236',
  description: 'MHSTDTC is on or after DM.RFSTDTC; medical history should precede the start of the trial',
  variable: 'MHSTDTC',
});
