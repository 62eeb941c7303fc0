import { describe, expect, it } from 'vitest';
import { createEventHub } from '../gateway/event-hub';
import { createEventLogSink } from './event-sink';
import { createLogger } from './logger';

describe('createEventLogSink', () => {
  it('publishes info and above as log.entry, not debug', () => {
    const logger = createLogger({ level: 'debug', now: () => 5 });
    const hub = createEventHub(logger.child('events'));
    logger.attach(createEventLogSink(hub));
    const seen: unknown[] = [];
    hub.subscribe((name, payload) => seen.push({ name, payload }));
    logger.debug('quiet');
    logger.child('x').warn('loud', { k: 1 });
    expect(seen).toEqual([{ name: 'log.entry', payload: { time: 5, level: 'warn', message: '[x] loud {"k":1}' } }]);
  });

  it('does not loop when the hub logs while publishing', () => {
    const logger = createLogger();
    let publishes = 0;
    // A hub whose every publish logs an error, as the real one does for an invalid payload.
    const hub = {
      publish: () => {
        publishes++;
        logger.error('an event did not match its contract');
      },
      subscribe: () => () => undefined,
    };
    logger.attach(createEventLogSink(hub));
    logger.info('start');
    expect(publishes).toBe(1);
  });
});
