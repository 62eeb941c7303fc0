import type { Logger, LogLevel } from '../ports';
import { redactText } from './redact-text';
import { redactValue } from './redact-value';

/** One log line after redaction: the only shape a sink ever sees. */
export interface LogRecord {
  readonly time: number;
  readonly level: LogLevel;
  /** Dotted scope from `child()`: `auth.loopback`. Empty at the root. */
  readonly scope: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

export type LogSink = (record: LogRecord) => void;

export const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

const MAX_MESSAGE = 4000;

export interface RootLogger extends Logger {
  /** Adds a sink (the event hub's, say, which exists only after the logger); returns its removal. */
  attach(sink: LogSink): () => void;
}

export interface LoggerOptions {
  readonly sinks?: readonly LogSink[];
  /** Records below this level are dropped before redaction (it is not free). Default `info`. */
  readonly level?: LogLevel;
  readonly now?: () => number;
}

/**
 * The main-process logger. Redaction happens here, once, before any sink runs, so no sink can write a secret
 * even by mistake. A sink that throws is skipped: logging must never break the code that logs.
 */
export function createLogger(options: LoggerOptions = {}): RootLogger {
  const sinks = new Set<LogSink>(options.sinks ?? []);
  const threshold = LEVEL_RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;

  function emit(level: LogLevel, scope: string, message: string, fields?: Readonly<Record<string, unknown>>): void {
    if (LEVEL_RANK[level] < threshold) return;
    const text = redactText(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);
    const record: LogRecord =
      fields === undefined
        ? { time: now(), level, scope, message: text }
        : { time: now(), level, scope, message: text, fields: redactValue(fields) as Record<string, unknown> };
    for (const sink of sinks) {
      try {
        sink(record);
      } catch {
        // A broken sink (full disk, closed socket) must not take the caller down or recurse into logging.
      }
    }
  }

  function scoped(scope: string): Logger {
    return {
      debug: (m, f) => emit('debug', scope, m, f),
      info: (m, f) => emit('info', scope, m, f),
      warn: (m, f) => emit('warn', scope, m, f),
      error: (m, f) => emit('error', scope, m, f),
      child: (name) => scoped(scope ? `${scope}.${name}` : name),
    };
  }

  return {
    ...scoped(''),
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}

/** One human-readable line: `[scope] message {"field":…}`, used by the ring buffer and `log.entry` events. */
export function formatRecord(record: LogRecord): string {
  const scope = record.scope ? `[${record.scope}] ` : '';
  const fields = record.fields && Object.keys(record.fields).length > 0 ? ` ${JSON.stringify(record.fields)}` : '';
  return `${scope}${record.message}${fields}`;
}
