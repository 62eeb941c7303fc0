import type { LogEntry } from '../../shared/contract/app';
import type { LogLevel } from '../ports';
import { createFileSink } from './file-sink';
import { createLogger, type LogSink, type RootLogger } from './logger';
import { createRingSink } from './ring-sink';

/** The logger a host (Electron, the harness, a test) hands to `composeMain`. */
export interface AppLogger extends RootLogger {
  /** The newest redacted lines, for `app.recentLogs`. */
  recent(limit: number): readonly LogEntry[];
  /** Resolves once everything logged so far is written (on quit, and in tests). */
  flush(): Promise<void>;
}

export interface AppLoggerOptions {
  /** `<userData>/logs`; no file is written without it. */
  readonly logDir?: string;
  readonly level?: LogLevel;
  readonly ringSize?: number;
  readonly maxFileBytes?: number;
  readonly keepFiles?: number;
  /** Extra sinks, e.g. the console in `npm run dev:browser`. */
  readonly sinks?: readonly LogSink[];
  readonly now?: () => number;
}

export function createAppLogger(options: AppLoggerOptions = {}): AppLogger {
  const ring = createRingSink(options.ringSize);
  const file =
    options.logDir === undefined
      ? undefined
      : createFileSink({ dir: options.logDir, maxBytes: options.maxFileBytes, keep: options.keepFiles });
  const sinks = [ring.sink, ...(file ? [file.sink] : []), ...(options.sinks ?? [])];
  const root = createLogger({ sinks, level: options.level, now: options.now });
  return {
    ...root,
    recent: (limit) => ring.recent(limit),
    flush: () => file?.flush() ?? Promise.resolve(),
  };
}
