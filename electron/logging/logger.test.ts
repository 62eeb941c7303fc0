import { describe, expect, it } from 'vitest';
import { createLogger, formatRecord, type LogRecord } from './logger';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const records: LogRecord[] = [];
  const logger = createLogger({ sinks: [(r) => records.push(r)], level, now: () => 1000 });
  return { logger, records };
}

describe('createLogger', () => {
  it('drops records below its level', () => {
    const { logger, records } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records.map((r) => r.level)).toEqual(['warn', 'error']);
  });

  it('keeps debug records when its level is debug', () => {
    const { logger, records } = capture('debug');
    logger.debug('d');
    expect(records.map((r) => [r.level, r.message])).toEqual([['debug', 'd']]);
  });

  it('defaults to info', () => {
    const { logger, records } = capture();
    logger.debug('d');
    logger.info('i');
    expect(records.map((r) => r.message)).toEqual(['i']);
  });

  it('scopes children with dotted names', () => {
    const { logger, records } = capture();
    logger.child('auth').child('loopback').info('listening');
    logger.info('root');
    expect(records.map((r) => r.scope)).toEqual(['auth.loopback', '']);
  });

  it('redacts message and fields before any sink sees them', () => {
    const { logger, records } = capture();
    logger.info('token refresh with refresh_token=abcdef123456', { refresh_token: 'abcdef123456', n: 1 });
    expect(JSON.stringify(records)).not.toContain('abcdef123456');
    expect(records[0]?.fields).toEqual({ refresh_token: '[REDACTED]', n: 1 });
    expect(records[0]?.time).toBe(1000);
  });

  it('keeps going when a sink throws', () => {
    const seen: string[] = [];
    const logger = createLogger({
      sinks: [
        () => {
          throw new Error('disk full');
        },
        (r) => seen.push(r.message),
      ],
    });
    expect(() => logger.error('still logged')).not.toThrow();
    expect(seen).toEqual(['still logged']);
  });

  it('attaches and detaches sinks later', () => {
    const { logger } = capture();
    const late: string[] = [];
    const detach = logger.attach((r) => late.push(r.message));
    logger.info('one');
    detach();
    logger.info('two');
    expect(late).toEqual(['one']);
  });

  it('bounds very long messages: 4000 characters are kept whole, a longer one is cut there and marked', () => {
    const { logger, records } = capture();
    logger.info('x'.repeat(4000));
    logger.info('y'.repeat(10_000));
    expect(records[0]?.message).toBe('x'.repeat(4000));
    expect(records[1]?.message).toBe(`${'y'.repeat(4000)}…`);
  });

  it('gives a record without fields no fields member', () => {
    const { logger, records } = capture();
    logger.warn('plain');
    expect(records[0]).toStrictEqual({ time: 1000, level: 'warn', scope: '', message: 'plain' });
  });
});

describe('formatRecord', () => {
  it('renders scope, message and fields on one line', () => {
    expect(formatRecord({ time: 0, level: 'info', scope: 'a.b', message: 'hi', fields: { n: 1 } })).toBe(
      '[a.b] hi {"n":1}',
    );
    expect(formatRecord({ time: 0, level: 'info', scope: '', message: 'hi' })).toBe('hi');
    expect(formatRecord({ time: 0, level: 'info', scope: '', message: 'hi', fields: {} })).toBe('hi');
  });
});
