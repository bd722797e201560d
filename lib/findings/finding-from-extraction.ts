/**
 * Turns an extractor's contract finding into a Finding row (status PROPOSED): kind, label, value, code,
 * assertion, proposed SDTM mapping, and its evidence — the character span, and for OCR'd pages the page and
 * the box around the words of the span.
 */
import crypto from 'node:crypto';
import type { Assertion, FindingKind, FindingSource } from '../../generated/prisma/enums.ts';
import type { ExtractedFinding } from '../extract/contract.ts';

export interface EvidenceWord {
  start: number;
  end: number;
  page: number;
  box: { x: number; y: number; width: number; height: number };
}

// Test names before test codes: a physician reads "Systolic Blood Pressure", not SYSBP.
const LABEL_VARIABLES = [
  'VSTEST',
  'LBTEST',
  'CMTRT',
  'MHTERM',
  'PRTRT',
  'AETERM',
  'CVTEST',
  'RETEST',
  'VSTESTCD',
  'LBTESTCD',
  'RETESTCD',
];
const VALUE_VARIABLES = ['VSORRES', 'LBORRES', 'CMDOSE', 'AGE', 'SEX', 'BRTHDTC'];
const UNIT_VARIABLES = ['VSORRESU', 'LBORRESU', 'CMDOSU', 'AGEU'];

function first(vars: Record<string, string | number>, names: string[]): string | null {
  for (const n of names) if (vars[n] !== undefined && vars[n] !== '') return String(vars[n]);
  return null;
}

/** The union of the boxes of the words a span covers, on the page of its first word. */
export function boxForSpan(words: EvidenceWord[], start: number, end: number) {
  const hit = words.filter((w) => w.end > start && w.start < end);
  if (hit.length === 0) return null;
  const page = hit[0].page;
  const same = hit.filter((w) => w.page === page);
  const x = Math.min(...same.map((w) => w.box.x));
  const y = Math.min(...same.map((w) => w.box.y));
  const right = Math.max(...same.map((w) => w.box.x + w.box.width));
  const bottom = Math.max(...same.map((w) => w.box.y + w.box.height));
  return { page, box: { x, y, width: right - x, height: bottom - y } };
}

export function findingRow(
  f: ExtractedFinding,
  ctx: {
    patientId: string;
    documentId: string;
    extractor: { id: string; version: string };
    source: FindingSource;
    words?: EvidenceWord[];
  },
) {
  const vars = f.variables;
  const label = first(vars, LABEL_VARIABLES) ?? f.text;
  const value = first(vars, VALUE_VARIABLES);
  const numeric = value !== null && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  const evidence = ctx.words ? boxForSpan(ctx.words, f.start, f.end) : null;
  const dedupeKey = crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        ctx.extractor.id,
        ctx.extractor.version,
        f.kind,
        f.start,
        f.end,
        f.domain,
        vars,
        f.assertion,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  return {
    patientId: ctx.patientId,
    documentId: ctx.documentId,
    kind: f.kind.toUpperCase() as FindingKind,
    status: 'PROPOSED' as const,
    source: ctx.source,
    spanStart: f.start,
    spanEnd: f.end,
    spanText: f.text,
    page: evidence?.page ?? null,
    box: evidence?.box ?? undefined,
    confidence: f.confidence,
    label,
    value,
    valueNum: numeric,
    unit: first(vars, UNIT_VARIABLES),
    code: f.code?.code ?? null,
    codeSystem: f.code?.system ?? null,
    assertion: f.assertion.toUpperCase() as Assertion,
    domain: f.domain,
    variables: vars,
    extractorId: ctx.extractor.id,
    extractorVersion: ctx.extractor.version,
    dedupeKey,
  };
}
