import { useStore } from '../lib/store';
import { announcements } from './announcer';

/** The window's one polite live region; `announce()` writes to it. */
export function LiveRegion() {
  const { id, message } = useStore(announcements);
  return (
    <p className="status-line" role="status" aria-live="polite" aria-atomic="true" data-testid="status-line">
      {/* A new key re-creates the text node, so the same message twice is announced twice. */}
      <span key={id}>{message}</span>
    </p>
  );
}
