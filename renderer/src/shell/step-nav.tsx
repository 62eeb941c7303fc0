import { ArrowLeft, ArrowRight } from 'lucide-react';
import { STEPS } from '../steps/registry';
import type { StepId, StepStatus } from '../steps/step-types';
import { Button } from '../ui/button';
import { nextPlace, previousPlace } from './wizard-navigation';

export interface StepNavProps {
  readonly current: StepId;
  readonly subStep: string | undefined;
  readonly statuses: readonly StepStatus[];
  readonly goTo: (id: StepId, subStep?: string) => void;
  /** Receives the row's middle, where the current part may show its main action (step-nav-slot.tsx). */
  readonly actionsRef?: (element: HTMLDivElement | null) => void;
}

const METAS = STEPS.map((s) => s.meta);

/**
 * Back and Next under the step, named after where they lead; Next never leads into a locked step (it says why).
 * Between them, the current part's main action if it has one (StepNavAction).
 */
export function StepNav({ current, subStep, statuses, goTo, actionsRef }: StepNavProps) {
  const previous = previousPlace(METAS, statuses, current, subStep);
  const next = nextPlace(METAS, statuses, current, subStep);
  return (
    <nav className="step-nav" aria-label="Previous and next">
      {previous ? (
        <button type="button" className="button" onClick={() => goTo(previous.step, previous.subStep)}>
          <ArrowLeft size={16} />
          Back: {previous.title}
        </button>
      ) : (
        <span />
      )}
      <div className="step-nav__actions" ref={actionsRef} />
      {next?.kind === 'go' ? (
        <button type="button" className="button button--primary" onClick={() => goTo(next.place.step, next.place.subStep)}>
          Next: {next.place.title}
          <ArrowRight size={16} />
        </button>
      ) : next?.kind === 'locked' ? (
        <Button className="button button--primary" disabledReason={next.reason} data-testid="next-locked">
          Next: {next.title}
          <ArrowRight size={16} />
        </Button>
      ) : null}
    </nav>
  );
}
