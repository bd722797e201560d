import type { Metadata } from 'next';
import { AuditLog } from '../../../_components/audit-log';
import { PageHeader } from '../../../_components/page-header';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every read of patient data and every change, with who, when and the outcome. Append-only."
      />
      <AuditLog />
    </>
  );
}
