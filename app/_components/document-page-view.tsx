'use client';
/**
 * A page image with the evidence drawn over it: each finding's words (or its box) outlined in its kind's colour,
 * low-confidence OCR words marked for checking and, on request, every OCR word box. Boxes are in page units
 * (pixels for images, PDF points for PDF pages); the SVG overlay shares the page's coordinate space, so they line
 * up at any display size.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { humanize, type BoxShape, type OcrPageData, type ReviewFinding } from '../_lib/document-review';
import { kindClass } from '../_lib/finding-kinds';

function findingBoxes(f: ReviewFinding, page: OcrPageData): BoxShape[] {
  if (f.spanStart !== null && f.spanEnd !== null) {
    const words = (page.words ?? []).filter((w) => w.s < f.spanEnd! && w.e > f.spanStart!);
    if (words.length) return words.map((w) => w.b);
  }
  return f.box && (f.page ?? 1) === page.number ? [f.box] : [];
}

const PAD = 2;

export function DocumentPageView({
  documentId,
  pages,
  findings,
  selectedId,
  onSelect,
}: {
  documentId: string;
  pages: OcrPageData[];
  findings: ReviewFinding[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const selected = findings.find((f) => f.id === selectedId) ?? null;
  const [pageNumber, setPageNumber] = useState(selected?.page ?? pages[0]?.number ?? 1);
  const [showWords, setShowWords] = useState(false);
  const [failed, setFailed] = useState<Set<number>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);

  // Follow the selected finding to its page.
  const selectedPage = selected?.page ?? null;
  useEffect(() => {
    if (selectedPage) setPageNumber(selectedPage);
  }, [selectedPage, selectedId]);

  const page = pages.find((p) => p.number === pageNumber) ?? pages[0];
  const boxes = useMemo(
    () =>
      page ? findings.map((f) => ({ f, boxes: findingBoxes(f, page) })).filter((x) => x.boxes.length) : [],
    [findings, page],
  );

  useEffect(() => {
    const el = scroller.current?.querySelector('.finding-box.is-selected');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId, pageNumber]);

  if (!page) return null;
  const words = page.words ?? [];
  const low = words.filter((w) => w.low);
  const index = pages.indexOf(page);

  return (
    <div className="page-view-wrap">
      <div className="table-toolbar page-toolbar">
        {pages.length > 1 && (
          <div className="pager-buttons" role="group" aria-label="Page">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={index <= 0}
              onClick={() => setPageNumber(pages[index - 1].number)}
            >
              ← Previous page
            </button>
            <span aria-live="polite">
              Page {page.number} of {pages.length}
            </span>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={index >= pages.length - 1}
              onClick={() => setPageNumber(pages[index + 1].number)}
            >
              Next page →
            </button>
          </div>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={showWords} onChange={(e) => setShowWords(e.target.checked)} />
          Show all OCR word boxes
        </label>
        <span className="muted" data-testid="low-confidence-count">
          {low.length
            ? `${low.length} low-confidence ${low.length === 1 ? 'word' : 'words'} on this page, marked in orange`
            : 'No low-confidence words on this page'}
        </span>
      </div>
      <div className="page-scroller" ref={scroller}>
        {failed.has(page.number) ? (
          <div className="alert alert-error" role="alert">
            The image of page {page.number} could not be loaded.
          </div>
        ) : (
          <div className="page-view" data-testid="page-view" data-page={page.number}>
            <img
              src={`/api/documents/${encodeURIComponent(documentId)}/pages/${page.number}`}
              alt={`Page ${page.number} of the document`}
              width={Math.round(page.width)}
              height={Math.round(page.height)}
              onError={() => setFailed((prev) => new Set(prev).add(page.number))}
            />
            <svg
              className="page-overlay"
              viewBox={`0 0 ${page.width} ${page.height}`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              {showWords &&
                words
                  .filter((w) => !w.low)
                  .map((w) => (
                    <rect
                      key={`w${w.s}`}
                      className="word-box"
                      x={w.b.x}
                      y={w.b.y}
                      width={w.b.width}
                      height={w.b.height}
                    />
                  ))}
              {low.map((w) => (
                <rect
                  key={`l${w.s}`}
                  className="word-box word-low"
                  x={w.b.x - PAD}
                  y={w.b.y - PAD}
                  width={w.b.width + 2 * PAD}
                  height={w.b.height + 2 * PAD}
                >
                  <title>{`Low OCR confidence (${Math.round(w.c * 100)}%)`}</title>
                </rect>
              ))}
              {boxes.map(({ f, boxes: rects }) =>
                rects.map((b, i) => (
                  <rect
                    key={`${f.id}-${i}`}
                    className={`finding-box ${kindClass(f.kind)}${f.id === selectedId ? ' is-selected' : ''}`}
                    data-finding-id={f.id}
                    data-status={f.status}
                    x={b.x - PAD}
                    y={b.y - PAD}
                    width={b.width + 2 * PAD}
                    height={b.height + 2 * PAD}
                    onClick={() => onSelect(f.id)}
                  >
                    <title>{`${f.label} — ${humanize(f.kind)}, ${humanize(f.status)}`}</title>
                  </rect>
                )),
              )}
            </svg>
          </div>
        )}
      </div>
    </div>
  );
}
