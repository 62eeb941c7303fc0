import { statSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { createAppLogger } from '../logging/app-logger';
import { redactText } from '../logging/redact-text';

export const STARTUP_FAILURE_TITLE = 'ucbridge could not start';

/** The dialog's text: what went wrong and where the log is, or that it could not be written. */
export function startupFailureText(message: string, logPath: string, logWritten: boolean): string {
  const where = logWritten
    ? `The details are in the log file:\n${logPath}`
    : `The log file could not be written either (${logPath}): check that this folder is writable.`;
  return `${message}\n\n${where}\n\nSend that file with a report if this happens again.`;
}

/** Size and time of a file, to tell whether this failure's line reached it (the log's sink drops failed writes). */
function fileStamp(path: string): string {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * A start-up failure must be seen: a packaged GUI app that only writes to the console just disappears. The error
 * goes to `<userData>/logs/ucbridge.log` first (redacted, as every log line), then a dialog shows the message and
 * the log's path, then the app exits with 1. Before `ready` on Linux the dialog goes to stderr (showErrorBox).
 */
export async function reportStartupFailure(error: unknown): Promise<void> {
  const message = redactText(error instanceof Error ? error.message : String(error));
  const logDir = join(app.getPath('userData'), 'logs');
  const logPath = join(logDir, 'ucbridge.log');
  const before = fileStamp(logPath);
  try {
    const logger = createAppLogger({ logDir });
    logger.error(STARTUP_FAILURE_TITLE, { error: message, stack: error instanceof Error ? error.stack : undefined });
    await logger.flush();
    dialog.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureText(message, logPath, fileStamp(logPath) !== before));
  } finally {
    app.exit(1);
  }
}
