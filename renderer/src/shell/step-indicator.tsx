import type { KeyboardEvent } from 'react';
import { STEPS } from '../steps/registry';
import type { StepId, StepStatus } from '../steps/step-types';
import { StepMarker } from './step-marker';
import './step-indicator.css';

const STATUS_TEXT: Readonly<Record<StepStatus, string>> = {
  available: 'Ready',
  complete: 'Complete',
  locked: 'Locked: sign in first',
};

export interface StepIndicatorProps {
  readonly current: StepId;
  readonly statuses: readonly StepStatus[];
  readonly goTo: (id: StepId) => void;
}

/** Arrow keys, Home and End move between the step buttons (Tab reaches each one too). */
function moveFocus(e: KeyboardEvent<HTMLOListElement>): void {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const last = buttons.length - 1;
  const to: Record<string, number> = {
    ArrowDown: Math.min(at + 1, last),
    ArrowRight: Math.min(at + 1, last),
    ArrowUp: Math.max(at - 1, 0),
    ArrowLeft: Math.max(at - 1, 0),
    Home: 0,
    End: last,
  };
  const target = to[e.key];
  if (target === undefined) return;
  e.preventDefault();
  buttons[target]?.focus();
}

/** The four steps with their state: the current one, complete ones, and locked ones (still viewable). */
export function StepIndicator({ current, statuses, goTo }: StepIndicatorProps) {
  return (
    <nav className="step-indicator" aria-label="Set-up steps">
      <ol className="step-indicator__list" onKeyDown={moveFocus}>
        {STEPS.map(({ meta }, i) => {
          const status = statuses[i] ?? 'locked';
          const isCurrent = meta.id === current;
          return (
            <li key={meta.id} className="step-indicator__item">
              <button
                type="button"
                className={`step-indicator__button is-${status}${isCurrent ? ' is-current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
                data-step={meta.id}
                data-status={status}
                onClick={() => goTo(meta.id)}
              >
                <StepMarker number={i + 1} status={status} />
                <span className="step-indicator__text">
                  <span className="visually-hidden">Step {i + 1}: </span>
                  <span className="step-indicator__title">{meta.title}</span>
                  <span className="step-indicator__state">{isCurrent ? `Current · ${STATUS_TEXT[status]}` : STATUS_TEXT[status]}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
