import { useEffect, useRef } from 'react';

/**
 * Brings a result into view and gives it focus once per new `seq` (a count bumped by the action: Plan, Apply, Uninstall,
 * Validate), as soon as `ready` says the result is there: without it the page stays where it was and the answer
 * lands off-screen. A later re-render, or the same result fetched again by something else (the plan refreshed
 * after an apply), moves nothing. The element needs tabIndex={-1}; the sticky header is allowed for by the
 * document's scroll-padding-top (styles/base.css).
 *
 *   const ref = useReveal<HTMLDivElement>(summarySeq, summary !== undefined);
 *   <div ref={ref} tabIndex={-1}>…the result…</div>
 */
export function useReveal<T extends HTMLElement>(seq: number, ready = true) {
  const ref = useRef<T>(null);
  // Mounted with the result already there (the user came back to this part): that one was seen. Mounted while it
  // is still on its way (the action was asked for elsewhere, e.g. Update on another part): reveal it on arrival.
  const shown = useRef(ready ? seq : seq - 1);
  useEffect(() => {
    const el = ref.current;
    if (!ready || seq <= 0 || seq <= shown.current || !el) return;
    shown.current = seq;
    revealElement(el);
  }, [seq, ready]);
  return ref;
}

/** Scrolls an element to the top of the view (below the sticky header) and focuses it. */
export function revealElement(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: 'start' });
  el?.focus({ preventScroll: true });
}
