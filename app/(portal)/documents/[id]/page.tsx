import type { Metadata } from 'next';
import { DocumentReview } from '../../../_components/document-review';

// Generic title: a document's name may carry a patient's name, which must not reach history or tab titles.
export const metadata: Metadata = { title: 'Review document' };

export default async function DocumentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DocumentReview id={decodeURIComponent(id)} />;
}
