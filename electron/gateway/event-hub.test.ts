import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../logging/logger';
import { createEventHub } from './event-hub';

describe('createEventHub', () => {
  it('delivers contract-valid payloads to every sink until unsubscribed', () => {
    const hub = createEventHub(createLogger({ sinks: [] }));
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = hub.subscribe((name, p) => a.push([name, p]));
    hub.subscribe((name, p) => b.push([name, p]));
    const entry = { time: 1, level: 'info' as const, message: 'x' };
    hub.publish('log.entry', entry);
    offA();
    hub.publish('log.entry', entry);
    expect(a).toEqual([['log.entry', entry]]);
    expect(b).toHaveLength(2);
  });

  it('drops and logs a payload that does not match the contract, and strips undeclared fields', () => {
    const records: LogRecord[] = [];
    const hub = createEventHub(createLogger({ sinks: [(r) => records.push(r)] }));
    const seen: unknown[] = [];
    hub.subscribe((_n, p) => seen.push(p));
    hub.publish('log.entry', { time: 'soon', level: 'info', message: 'x' } as never);
    hub.publish('log.entry', { time: 1, level: 'info', message: 'x', token: 'leak' } as never);
    expect(seen).toEqual([{ time: 1, level: 'info', message: 'x' }]);
    expect(records.map((r) => [r.level, r.message, r.fields])).toEqual([['error', 'an event did not match its contract', { event: 'log.entry' }]]);
  });
});
