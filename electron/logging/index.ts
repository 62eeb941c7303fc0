export { createAppLogger, type AppLogger, type AppLoggerOptions } from './app-logger';
export { createEventLogSink } from './event-sink';
export { createFileSink, type FileSink, type FileSinkOptions } from './file-sink';
export { createLogger, formatRecord, type LogRecord, type LogSink, type RootLogger } from './logger';
export { REDACTED, redactText } from './redact-text';
export { redactValue } from './redact-value';
export { createRingSink, type RingSink } from './ring-sink';
export { isSecretKey, mustRedact } from './secret-keys';
