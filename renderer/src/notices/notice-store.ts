import type { AppError } from '../../../shared/result';
import { createStore, useStore } from '../lib/store';
import { addFailure, addResult, without, withoutFailure, type Notice } from './notice-list';

/**
 * The one place for notices not tied to a spot on the page: results as toasts that clear themselves, failures as
 * toasts that stay until dismissed (shown by <Notices />, ui/toast.tsx). A failure that belongs next to a field or
 * a button is shown there instead (ErrorView inline, or the field's problem).
 */
const notices = createStore<readonly Notice[]>([]);
let nextId = 1;

/** A transient result: "Settings saved", "setup.sql downloaded". Clears itself; screen readers hear it once. */
export function notify(title: string, options: { readonly message?: string; readonly tone?: 'success' | 'info' } = {}): void {
  const notice: Notice = { id: nextId++, tone: options.tone ?? 'success', title, ...(options.message ? { message: options.message } : {}) };
  notices.set((current) => addResult(current, notice));
}

/** A failure of `action` ("Disconnect"), until dismissed; the same action again replaces it; CANCELLED shows nothing. */
export function reportError(action: string, error: AppError): void {
  notices.set((current) => addFailure(current, nextId++, action, error));
}

export function clearErrors(action: string): void {
  notices.set((current) => withoutFailure(current, action));
}

export function dismissNotice(id: number): void {
  notices.set((current) => without(current, id));
}

/** Forgets every notice (after signing in to another workspace, nothing about the previous one should linger). */
export function clearNotices(): void {
  notices.set([]);
}

export const useNotices = (): readonly Notice[] => useStore(notices);
