import type { KeyboardEvent } from 'react';
import { STEPS } from '../steps/registry';
import type { StepId, StepStatus } from '../steps/step-types';
import { STATUS_TEXT, StatusIcon } from '../ui/status';
import { StepMarker } from './step-marker';
import './step-indicator.css';

export interface StepIndicatorProps {
  readonly current: StepId;
  readonly currentSubStep: string | undefined;
  readonly statuses: readonly StepStatus[];
  /** Per step, its parts' statuses (empty for a step without parts). */
  readonly subStatuses: readonly (readonly StepStatus[])[];
  readonly goTo: (id: StepId, subStep?: string) => void;
}

/** Arrow keys, Home and End move between the buttons (Tab reaches each one too). */
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

/** The four steps with their status, and under a step with parts, its parts and how far each is (still viewable when locked). */
export function StepIndicator({ current, currentSubStep, statuses, subStatuses, goTo }: StepIndicatorProps) {
  return (
    <nav className="step-indicator" aria-label="Set-up steps">
      <ol className="step-indicator__list" onKeyDown={moveFocus}>
        {STEPS.map(({ meta }, i) => {
          const status = statuses[i] ?? 'locked';
          const isCurrent = meta.id === current;
          const parts = status === 'locked' ? [] : (meta.subSteps ?? []);
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
                  <span className="step-indicator__state">{STATUS_TEXT[status]}</span>
                </span>
              </button>
              {parts.length > 0 ? (
                <ol className="step-indicator__parts" aria-label={`${meta.title}: parts`}>
                  {parts.map((part, j) => {
                    const partStatus = subStatuses[i]?.[j] ?? 'not-started';
                    const here = isCurrent && part.id === currentSubStep;
                    return (
                      <li key={part.id}>
                        <button
                          type="button"
                          className={`step-indicator__part${here ? ' is-current' : ''}`}
                          aria-current={here ? 'step' : undefined}
                          data-substep={part.id}
                          data-status={partStatus}
                          onClick={() => goTo(meta.id, part.id)}
                        >
                          <StatusIcon status={partStatus} size={14} />
                          <span>{part.title}</span>
                          <span className="visually-hidden">: {STATUS_TEXT[partStatus]}</span>
                        </button>
                      </li>
                    );
                  })}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
