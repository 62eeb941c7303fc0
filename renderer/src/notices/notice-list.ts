import type { AppError } from '../../../shared/result';

/**
 * The window's notices as plain data, and the rules for adding to them (pure, unit-tested):
 * - a transient result ("Settings saved") clears itself after a few seconds; at most a few are kept;
 * - a failure stays until dismissed; reporting the same action again replaces it, never stacks a copy;
 * - a cancelled operation is not a failure: it adds nothing, and clears an earlier failure of that action.
 */
export type NoticeTone = 'success' | 'info' | 'failure';

export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  /** For failures: what the user was doing ("Disconnect"); for results: the short text shown. */
  readonly title: string;
  readonly message?: string;
  readonly error?: AppError;
}

export const MAX_TRANSIENT = 3;

export function addResult(list: readonly Notice[], notice: Notice): readonly Notice[] {
  const failures = list.filter((n) => n.tone === 'failure');
  const transient = list.filter((n) => n.tone !== 'failure' && n.title !== notice.title);
  return [...failures, ...[...transient, notice].slice(-MAX_TRANSIENT)].sort((a, b) => a.id - b.id);
}

export function addFailure(list: readonly Notice[], id: number, action: string, error: AppError): readonly Notice[] {
  const rest = list.filter((n) => !(n.tone === 'failure' && n.title === action));
  if (error.code === 'CANCELLED') return rest.length === list.length ? list : rest;
  return [...rest, { id, tone: 'failure', title: action, error }];
}

export function withoutFailure(list: readonly Notice[], action: string): readonly Notice[] {
  const rest = list.filter((n) => !(n.tone === 'failure' && n.title === action));
  return rest.length === list.length ? list : rest;
}

export function without(list: readonly Notice[], id: number): readonly Notice[] {
  const rest = list.filter((n) => n.id !== id);
  return rest.length === list.length ? list : rest;
}
