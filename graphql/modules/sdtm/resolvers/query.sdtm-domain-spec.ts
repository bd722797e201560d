import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { describeSdtmDomain } from '../../../../lib/sdtm/workspace/describe-sdtm-domain.ts';
import { SdtmDomainSpec } from '../types/sdtm-domain-spec.ts';

builder.queryField('sdtmDomainSpec', (t) =>
  t.field({
    type: SdtmDomainSpec,
    nullable: true,
    description:
      'SDTMIG 3.4 variables of a domain in specification order, with CDISC CT terms; null for a custom domain.',
    authScopes: { scope: 'read:sdtm' },
    // One small, fixed-size answer: the nested lists are metadata, not rows.
    complexity: { field: 1, multiplier: 1 },
    args: { domain: t.arg.string({ required: true, validate: z.string().min(2).max(8) }) },
    resolve: (_root, args) => describeSdtmDomain(args.domain),
  }),
);
