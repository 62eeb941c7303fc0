import { STEPS } from '../steps/registry';
import type { StepId } from '../steps/step-types';

/** Back and Next under the step, named after where they lead. */
export function StepNav({ index, goTo }: { readonly index: number; readonly goTo: (id: StepId) => void }) {
  const previous = STEPS[index - 1]?.meta;
  const next = STEPS[index + 1]?.meta;
  return (
    <nav className="step-nav" aria-label="Previous and next step">
      {previous ? (
        <button type="button" className="button" onClick={() => goTo(previous.id)}>
          ← Back: {previous.title}
        </button>
      ) : (
        <span />
      )}
      {next ? (
        <button type="button" className="button button--primary" onClick={() => goTo(next.id)}>
          Next: {next.title} →
        </button>
      ) : null}
    </nav>
  );
}
