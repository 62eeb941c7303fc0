import type { LogEntry } from '../../../shared/contract/app';
import type { AppError } from '../../../shared/result';

export interface DetailsInput {
  readonly action: string;
  readonly error: AppError;
  /** Already redacted by main's logger. */
  readonly logs: readonly LogEntry[];
  readonly version?: string;
  readonly host?: string;
}

/** The text "Copy details" puts on the clipboard: what failed, the envelope, then the recent log lines. */
export function formatDetails({ action, error, logs, version, host }: DetailsInput): string {
  const lines = [
    `ucbridge ${version ?? '(version unknown)'}${host ? ` (${host})` : ''}`,
    `Action: ${action}`,
    `Code: ${error.code}`,
    `Message: ${error.message}`,
    ...(error.hint ? [`Hint: ${error.hint}`] : []),
    '',
    logs.length === 0 ? 'Recent log: (empty)' : `Recent log (${logs.length} lines, redacted):`,
    ...logs.map((l) => `${new Date(l.time).toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.message}`),
  ];
  return lines.join('\n');
}

/** Writes to the system clipboard; false when the platform refused (the view then shows the text to copy). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
