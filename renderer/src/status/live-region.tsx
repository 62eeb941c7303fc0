import { useStore } from '../lib/store';
import { announcements } from './announcer';

/**
 * The window's one polite live region; `announce()` writes to it. Screen readers only: what sighted users need to
 * see goes to a toast (notify) or next to the control it is about, never to a corner of the window.
 */
export function LiveRegion() {
  const { id, message } = useStore(announcements);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="status-line">
      {/* A new key re-creates the text node, so the same message twice is announced twice. */}
      <span key={id}>{message}</span>
    </p>
  );
}
