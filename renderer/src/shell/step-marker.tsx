import { Check, Lock, TriangleAlert } from 'lucide-react';
import type { StepStatus } from '../steps/step-types';

/** The round marker: the step number, a check when done, a padlock when locked, a warning when it needs attention. */
export function StepMarker({ number, status }: { readonly number: number; readonly status: StepStatus }) {
  return (
    <span className="step-indicator__marker" aria-hidden="true">
      {status === 'done' ? <Check size={15} strokeWidth={3} /> : status === 'locked' ? <Lock size={13} strokeWidth={2.5} /> : status === 'needs-attention' ? <TriangleAlert size={14} strokeWidth={2.5} /> : number}
    </span>
  );
}
