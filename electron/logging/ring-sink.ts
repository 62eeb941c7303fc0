import type { LogEntry } from '../../shared/contract/app';
import { formatRecord, type LogSink } from './logger';

export interface RingSink {
  readonly sink: LogSink;
  /** The newest `limit` entries, oldest first. */
  recent(limit: number): readonly LogEntry[];
}

/** Keeps the last `capacity` log lines in memory for `app.recentLogs` (the error view's "copy details"). */
export function createRingSink(capacity = 1000): RingSink {
  const ring: LogEntry[] = [];
  let next = 0;
  return {
    sink(record) {
      const entry: LogEntry = { time: record.time, level: record.level, message: formatRecord(record) };
      if (ring.length < capacity) ring.push(entry);
      else ring[next] = entry;
      next = (next + 1) % capacity;
    },
    recent(limit) {
      const ordered = ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)];
      return ordered.slice(Math.max(0, ordered.length - limit));
    },
  };
}
