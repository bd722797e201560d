'use client';
/**
 * The text the pipeline read, with each finding's span highlighted in its kind's colour (proposed: tinted;
 * accepted or edited: underlined; rejected: struck through) and low-confidence OCR words marked with a wavy line.
 * Clicking a highlight selects its finding; the selected finding is outlined and scrolled into view.
 */
import { Fragment, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { humanize, type OcrData, type ReviewFinding } from '../_lib/document-review';
import { kindClass } from '../_lib/finding-kinds';
import { textRuns } from '../_lib/text-segments';

export function DocumentTextView({
  text,
  findings,
  ocr,
  selectedId,
  onSelect,
}: {
  text: string;
  findings: ReviewFinding[];
  ocr: OcrData | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  const runs = useMemo(() => {
    const spans = findings.flatMap((f) =>
      f.spanStart !== null && f.spanEnd !== null ? [{ id: f.id, start: f.spanStart, end: f.spanEnd }] : [],
    );
    const low = (ocr?.pages ?? []).flatMap((p) =>
      (p.words ?? []).filter((w) => w.low).map((w) => ({ start: w.s, end: w.e })),
    );
    return textRuns(text.length, spans, low);
  }, [text, findings, ocr]);

  useEffect(() => {
    if (!selectedId) return;
    const mark = box.current?.querySelector('.is-selected');
    mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  let page = 1;
  const withPageBreaks = (slice: string, key: string): ReactNode[] =>
    slice.split('\f').flatMap((part, i) => {
      const nodes: ReactNode[] = [];
      if (i > 0) {
        page++;
        nodes.push(
          <span key={`${key}-p${page}`} className="page-break" role="separator">
            Page {page}
          </span>,
        );
      }
      if (part) nodes.push(<Fragment key={`${key}-t${i}`}>{part}</Fragment>);
      return nodes;
    });

  return (
    <div className="doc-text" ref={box} data-testid="document-text" tabIndex={0} aria-label="Document text">
      {runs.map((run) => {
        const key = String(run.start);
        let content: ReactNode = withPageBreaks(text.slice(run.start, run.end), key);
        if (run.lowConfidence) {
          content = (
            <span className="low-conf" title="Low OCR confidence: check this word against the page image">
              {content}
            </span>
          );
        }
        if (!run.findingIds.length) return <Fragment key={key}>{content}</Fragment>;
        const primary = byId.get(run.findingIds[0])!;
        const selected = selectedId !== null && run.findingIds.includes(selectedId);
        const target = selected ? selectedId : primary.id;
        return (
          <mark
            key={key}
            className={`hl ${kindClass(primary.kind)}${selected ? ' is-selected' : ''}`}
            data-status={primary.status}
            data-finding-ids={run.findingIds.join(' ')}
            title={run.findingIds
              .map((id) => byId.get(id)!)
              .map((f) => `${f.label} — ${humanize(f.kind)}, ${humanize(f.status)}`)
              .join('\n')}
            onClick={() => onSelect(target)}
          >
            {content}
          </mark>
        );
      })}
    </div>
  );
}
