/**
 * Failures go to the window's one notices system (notices/notice-store.ts): reported here, shown as a toast that
 * stays until dismissed, replaced when the same action fails again; a CANCELLED "failure" shows nothing.
 */
export { clearErrors, reportError } from '../notices/notice-store';
