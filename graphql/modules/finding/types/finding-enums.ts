import { builder } from '../../../builder.ts';
import { Assertion, FindingKind, FindingSource, FindingStatus } from '../../../../generated/prisma/enums.ts';

export const FindingKindEnum = builder.enumType(FindingKind, { name: 'FindingKind' });
export const FindingStatusEnum = builder.enumType(FindingStatus, { name: 'FindingStatus' });
export const FindingSourceEnum = builder.enumType(FindingSource, { name: 'FindingSource' });
export const AssertionEnum = builder.enumType(Assertion, { name: 'Assertion' });
