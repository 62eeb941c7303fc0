import { Suspense, useEffect, useRef, useState } from 'react';
import { FirstRenderMark } from '../perf/first-render-mark';
import { STEPS, stepComponent, type StepEntry } from '../steps/registry';
import type { StepContext, StepId, StepStatus } from '../steps/step-types';
import { STATUS_TEXT, StatusIcon } from '../ui/status';
import { StepErrorBoundary } from './step-error-boundary';
import { StepNav } from './step-nav';
import { StepNavSlot } from './step-nav-slot';
import './step-panel.css';

export interface StepPanelProps {
  readonly entry: StepEntry;
  readonly index: number;
  readonly statuses: readonly StepStatus[];
  readonly context: StepContext;
  readonly subStep: string | undefined;
  readonly goTo: (id: StepId, subStep?: string) => void;
  /** Move focus to the heading on mount: true after the user changed step, false on first load. */
  readonly focusHeading: boolean;
  /** The header's data has arrived, so the first real render can be marked. */
  readonly ready: boolean;
}

/** The current step: heading (focus lands here on step change), status, summary, its lazily loaded UI, Back/Next. */
export function StepPanel({ entry, index, statuses, context, subStep, goTo, focusHeading, ready }: StepPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { meta } = entry;
  // Once per mount (the panel is keyed by step): the loaded component if its chunk is here, else the lazy one.
  const [Component] = useState(() => stepComponent(entry));
  // The Back/Next row's middle, once mounted: a part shows its main action there (step-nav-slot.tsx).
  const [navSlot, setNavSlot] = useState<HTMLElement | null>(null);
  const status = statuses[index] ?? 'locked';
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  return (
    <section className="step-panel" aria-labelledby="step-heading" data-step={meta.id} data-status={status}>
      <p className="step-panel__eyebrow">
        <span>
          Step {index + 1} of {STEPS.length}
        </span>
        <span className="step-panel__status" data-testid="step-status">
          <StatusIcon status={status} size={14} />
          {STATUS_TEXT[status]}
        </span>
      </p>
      <h2 id="step-heading" className="step-panel__title" tabIndex={-1} ref={headingRef}>
        {meta.title}
      </h2>
      <p className="step-panel__summary">{meta.summary}</p>
      <StepNavSlot.Provider value={navSlot}>
        <StepErrorBoundary stepTitle={meta.title}>
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <div className="step-panel__body">
              <Component meta={meta} status={status} context={context} goTo={goTo} subStep={subStep} goToSubStep={(id) => goTo(meta.id, id)} />
            </div>
            <FirstRenderMark ready={ready} />
          </Suspense>
        </StepErrorBoundary>
      </StepNavSlot.Provider>
      <StepNav current={meta.id} subStep={subStep} statuses={statuses} goTo={goTo} actionsRef={setNavSlot} />
    </section>
  );
}
