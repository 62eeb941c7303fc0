import type { StepStatus } from '../steps/step-types';

/** The round marker: the step number, a check when complete, a padlock when locked. Decorative (text says it). */
export function StepMarker({ number, status }: { readonly number: number; readonly status: StepStatus }) {
  return (
    <span className="step-indicator__marker" aria-hidden="true">
      {status === 'complete' ? (
        <svg viewBox="0 0 16 16" width="14" height="14">
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      ) : status === 'locked' ? (
        <svg viewBox="0 0 16 16" width="14" height="14">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 016 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      ) : (
        number
      )}
    </span>
  );
}
