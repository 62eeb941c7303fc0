import { useConnection } from '../api/api-context';
import { useStore } from '../lib/store';

/** Shown while the link to the main-process services is down (browser harness only; Electron IPC cannot drop). */
export function ConnectionBanner() {
  const { status, attempts } = useStore(useConnection());
  // The first attempt is still in flight: saying "connecting" for a few milliseconds would only flicker.
  if (status === 'open' || attempts === 0) return null;
  const text =
    status === 'reconnecting'
      ? `The connection to ucbridge was lost. Reconnecting (attempt ${attempts + 1})…`
      : `ucbridge is not answering yet. Trying again (attempt ${attempts + 1})…`;
  return (
    <p className="banner banner--warning" role="status" data-testid="connection-banner">
      {text}
    </p>
  );
}
