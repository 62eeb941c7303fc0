import { useState } from 'react';
import { useRecentLogs } from '../api/hooks/app';
import { Disclosure } from '../ui/disclosure';

const LINES = 12;

const time = (epochMs: number): string => new Date(epochMs).toLocaleTimeString();

/** The latest redacted log lines, fetched when opened and extended live by `log.entry` events. */
export function RecentLog() {
  const [open, setOpen] = useState(false);
  const logs = useRecentLogs(LINES, { enabled: open });
  return (
    <Disclosure className="recent-log" summary="Recent log" open={open} onOpenChange={setOpen}>
      {logs.data ? (
        <ol className="recent-log__lines" data-testid="recent-log">
          {logs.data.map((entry, i) => (
            <li key={`${entry.time}-${i}`} className={`recent-log__line recent-log__line--${entry.level}`}>
              <span className="recent-log__time">{time(entry.time)}</span> {entry.message}
            </li>
          ))}
        </ol>
      ) : (
        <p className="loading">{logs.isError ? 'The log could not be read.' : 'Loading…'}</p>
      )}
    </Disclosure>
  );
}
