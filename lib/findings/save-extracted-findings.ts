/**
 * Stores an extraction run's findings for a document. Idempotent: a rerun of the same extractor on the same
 * document adds nothing new; machine proposals no longer produced are withdrawn unless a person reviewed them.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ExtractionResult } from '../extract/contract.ts';
import { findingRow, type EvidenceWord } from './finding-from-extraction.ts';

export async function saveExtractedFindings(
  tx: Prisma.TransactionClient,
  o: { patientId: string; documentId: string; result: ExtractionResult; words?: EvidenceWord[] },
) {
  const source = o.result.extractor.id.startsWith('cohere') ? ('LLM' as const) : ('RULE' as const);
  const rows = o.result.findings.map((f) =>
    findingRow(f, {
      patientId: o.patientId,
      documentId: o.documentId,
      extractor: o.result.extractor,
      source,
      words: o.words,
    }),
  );
  const keys = [...new Set(rows.map((r) => r.dedupeKey))];
  const withdrawn = await tx.finding.deleteMany({
    where: {
      documentId: o.documentId,
      status: 'PROPOSED',
      source: { in: ['RULE', 'LLM'] },
      dedupeKey: { notIn: keys },
    },
  });
  const created = await tx.finding.createMany({ data: rows, skipDuplicates: true });
  return { created: created.count, withdrawn: withdrawn.count, total: keys.length };
}
