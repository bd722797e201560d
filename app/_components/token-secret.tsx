'use client';
import { useRef, useState } from 'react';

/** A new token's secret, shown once, with a copy button that also works without the Clipboard API. */
export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const code = useRef<HTMLElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard permission (e.g. plain http): select the text so Ctrl+C copies it.
      const range = document.createRange();
      if (code.current) {
        range.selectNodeContents(code.current);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied('no');
    }
  }

  return (
    <div className="alert alert-success" role="status" data-testid="token-secret">
      <p>
        <strong>Token “{name}” created.</strong> Copy the secret now: it is shown only once and cannot be
        recovered.
      </p>
      <div className="secret-box">
        <code ref={code}>{secret}</code>
        <button type="button" className="btn btn-secondary btn-sm" onClick={copy}>
          Copy
        </button>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          Done
        </button>
      </div>
      <p aria-live="polite" style={{ marginTop: '0.4rem' }}>
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' && 'The secret is selected: press Ctrl+C (⌘C) to copy it.'}
      </p>
    </div>
  );
}
