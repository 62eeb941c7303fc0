import { Suspense, useEffect, useRef } from 'react';
import { FirstRenderMark } from '../perf/first-render-mark';
import { STEPS, type StepEntry } from '../steps/registry';
import type { StepContext, StepId, StepStatus } from '../steps/step-types';
import { StepErrorBoundary } from './step-error-boundary';
import { StepNav } from './step-nav';
import './step-panel.css';

export interface StepPanelProps {
  readonly entry: StepEntry;
  readonly index: number;
  readonly status: StepStatus;
  readonly context: StepContext;
  readonly goTo: (id: StepId) => void;
  /** Move focus to the heading on mount: true after the user changed step, false on first load. */
  readonly focusHeading: boolean;
  /** The header's data has arrived, so the first real render can be marked. */
  readonly ready: boolean;
}

/** The current step: heading (focus lands here on step change), summary, its lazily loaded UI, Back/Next. */
export function StepPanel({ entry, index, status, context, goTo, focusHeading, ready }: StepPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { meta, Component } = entry;
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  return (
    <section className="step-panel" aria-labelledby="step-heading" data-step={meta.id} data-status={status}>
      <p className="step-panel__eyebrow">
        Step {index + 1} of {STEPS.length}
      </p>
      <h2 id="step-heading" className="step-panel__title" tabIndex={-1} ref={headingRef}>
        {meta.title}
      </h2>
      <p className="step-panel__summary">{meta.summary}</p>
      <StepErrorBoundary stepTitle={meta.title}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <div className="step-panel__body">
            <Component meta={meta} status={status} context={context} goTo={goTo} />
          </div>
          <FirstRenderMark ready={ready} />
        </Suspense>
      </StepErrorBoundary>
      <StepNav index={index} goTo={goTo} />
    </section>
  );
}
