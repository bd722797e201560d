import { humanize } from '../_lib/document-review';
import { kindClass } from '../_lib/finding-kinds';

/** What each highlight colour means, for the kinds present in the document, with their counts. */
export function FindingKindLegend({ counts }: { counts: [string, number][] }) {
  if (!counts.length) return null;
  return (
    <ul className="kind-legend" aria-label="Highlight colours by kind of finding">
      {counts.map(([kind, n]) => (
        <li key={kind} className={kindClass(kind)}>
          <span className="kind-swatch" aria-hidden="true" />
          {humanize(kind)} <span className="muted">({n})</span>
        </li>
      ))}
      <li className="legend-low">
        <span className="low-conf">word</span> low OCR confidence — check on the page
      </li>
    </ul>
  );
}
