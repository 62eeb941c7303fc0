import type { EventHub } from '../gateway/event-hub';
import { formatRecord, LEVEL_RANK, type LogSink } from './logger';

/**
 * Publishes `log.entry` for info and above. The hub logs when a payload fails its contract, and that log line
 * would come straight back here: records produced while this sink is publishing are dropped, so a bad event
 * can never turn into an endless loop.
 */
export function createEventLogSink(hub: EventHub): LogSink {
  let publishing = false;
  return (record) => {
    if (publishing || LEVEL_RANK[record.level] < LEVEL_RANK.info) return;
    publishing = true;
    try {
      hub.publish('log.entry', { time: record.time, level: record.level, message: formatRecord(record) });
    } finally {
      publishing = false;
    }
  };
}
