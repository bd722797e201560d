'use client';
/**
 * Single-key shortcuts for reviewing findings. They never fire while the reviewer types (inputs, selects, text
 * areas, editable content), with a modifier held (so browser shortcuts keep working), or inside a tab list or
 * dialog (where arrow keys belong to the widget).
 */
import { useEffect, useRef } from 'react';

export type ReviewAction = 'next' | 'previous' | 'accept' | 'reject' | 'edit' | 'toggle' | 'help' | 'close';

export const SHORTCUTS: { keys: string[]; action: ReviewAction; description: string }[] = [
  { keys: ['j', '↓'], action: 'next', description: 'Next finding' },
  { keys: ['k', '↑'], action: 'previous', description: 'Previous finding' },
  { keys: ['a'], action: 'accept', description: 'Accept the finding' },
  { keys: ['r'], action: 'reject', description: 'Reject the finding' },
  { keys: ['e'], action: 'edit', description: 'Edit the finding' },
  { keys: ['x'], action: 'toggle', description: 'Select or unselect the finding for a batch' },
  { keys: ['?'], action: 'help', description: 'Show or hide these shortcuts' },
  { keys: ['Esc'], action: 'close', description: 'Close the editor or this help' },
];

const KEYS: Record<string, ReviewAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'accept',
  r: 'reject',
  e: 'edit',
  x: 'toggle',
  '?': 'help',
  Escape: 'close',
};

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="tablist"], [role="dialog"], dialog')) return true;
  return false;
}

export function useReviewShortcuts(onAction: (action: ReviewAction) => void, enabled = true) {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  }, [onAction]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = KEYS[event.key];
      if (!action) return;
      // Escape closes things from anywhere, "?" also from the help dialog; the rest wait while the reviewer types.
      if (action !== 'close' && isTypingTarget(event.target)) {
        const inDialog = event.target instanceof HTMLElement && event.target.closest('dialog');
        if (!(action === 'help' && inDialog)) return;
      }
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
