import type { AppError } from '../../../shared/result';
import { createStore, useStore } from '../lib/store';

export interface ReportedError {
  readonly id: number;
  /** What the user was doing, e.g. "Disconnect". */
  readonly action: string;
  readonly error: AppError;
}

const reported = createStore<readonly ReportedError[]>([]);
let nextId = 1;

/** Shows an error in the window's notice area (an ErrorView under the header). Same action twice: replaced. */
export function reportError(action: string, error: AppError): void {
  reported.set((current) => [...current.filter((r) => r.action !== action), { id: nextId++, action, error }]);
}

export function dismissError(id: number): void {
  reported.set((current) => current.filter((r) => r.id !== id));
}

export function clearErrors(action: string): void {
  reported.set((current) => (current.some((r) => r.action === action) ? current.filter((r) => r.action !== action) : current));
}

export const useReportedErrors = (): readonly ReportedError[] => useStore(reported);
