'use client';
/**
 * A patient's documents, each linking to its review page, with the upload zone for roles that may upload. When an
 * upload finishes processing, the list is read again (only the documents, so the page keeps its state).
 */
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { formatBytes, formatDateTime } from '../_lib/format';
import { gql, unwrapResult, ERROR_FIELDS, type UnionResult } from '../_lib/graphql-client';
import type { DocumentRow } from '../_lib/patient-record';
import { DocumentUpload } from './document-upload';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { StatusBadge } from './status-badge';
import { useHasScope } from './viewer-context';

const PATIENT_DOCUMENTS = `
  query PatientDocuments($id: ID!) {
    patient(id: $id) {
      ${ERROR_FIELDS}
      ... on QueryPatientSuccess {
        data {
          documents(first: 100) {
            totalCount
            edges { node { id title mimeType status pageCount byteSize findingCount createdAt error } }
          }
        }
      }
    }
  }`;

type DocumentsData = { documents: { totalCount: number; edges: { node: DocumentRow }[] } };

export function DocumentsTab({
  patientId,
  documents: initialDocuments,
  total: initialTotal,
}: {
  patientId: string;
  documents: DocumentRow[];
  total: number;
}) {
  const canUpload = useHasScope('write:documents');
  const [fresh, setFresh] = useState<{ documents: DocumentRow[]; total: number } | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const documents = fresh?.documents ?? initialDocuments;
  const total = fresh?.total ?? initialTotal;

  const reload = useCallback(() => {
    gql<{ patient: UnionResult<DocumentsData> }>(PATIENT_DOCUMENTS, { id: patientId }).then((data) => {
      const p = unwrapResult(data.patient);
      setFresh({ documents: p.documents.edges.map((e) => e.node), total: p.documents.totalCount });
      setReloadError(null);
    }, setReloadError);
  }, [patientId]);

  return (
    <div className="stack">
      {canUpload && <DocumentUpload patientId={patientId} onProcessed={reload} />}
      <ErrorMessage error={reloadError} title="The documents could not be reloaded" />
      {!documents.length ? (
        <EmptyState title="No documents yet">
          Clinical notes, PDFs and scanned or photographed forms will appear here with their processing status
          and the findings extracted from them.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="documents-table">
            <caption>
              {total > documents.length
                ? `The latest ${documents.length} of ${total} documents`
                : `${total} documents`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Pages
                </th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col" className="num">
                  Findings
                </th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                    {d.error && <div className="job-error">{d.error}</div>}
                  </td>
                  <td className="mono">{d.mimeType}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="num">{d.pageCount ?? '—'}</td>
                  <td className="num">{formatBytes(d.byteSize)}</td>
                  <td className="num">{d.findingCount}</td>
                  <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
