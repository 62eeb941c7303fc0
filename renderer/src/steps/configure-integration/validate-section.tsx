import type { ValidationReport } from '../../../../shared/integration/validation-types';
import type { AppError } from '../../../../shared/result';
import { ErrorView } from '../../errors/error-view';
import { useTaskShownInPlace } from '../../progress/progress-store';
import { ProgressView } from '../../progress/progress-view';
import { useReveal } from '../../ui/use-reveal';
import { StepSection } from './step-section';
import { ValidationResults } from './validation-results';

export interface ValidateSectionProps {
  readonly report: ValidationReport | null;
  readonly running: boolean;
  readonly taskId: string | undefined;
  readonly failure: AppError | undefined;
  readonly onDismissFailure: () => void;
  /** Checks the form, saves the settings, then runs the tests. */
  readonly onRun: () => void;
  /** Bumped each time a new report arrives: the results are then brought into view and focused. */
  readonly resultsSeq: number;
}

/** Runs the validation tests against the saved settings and shows each result with its fix. */
export function ValidateSection({ report, running, taskId, failure, onDismissFailure, onRun, resultsSeq }: ValidateSectionProps) {
  const task = useTaskShownInPlace(taskId);
  const results = useReveal<HTMLDivElement>(resultsSeq, report !== null);
  return (
    <StepSection
      title="Validate"
      testId="ci-validate"
      lead="Saves these settings (no secret is saved) and checks every prerequisite in the workspace: each test says why it passed or failed, and how to fix it."
    >
      <button type="button" className="button button--primary" aria-busy={running} onClick={() => (running ? undefined : onRun())} data-testid="ci-validate-run">
        {running ? 'Validating…' : 'Save and validate'}
      </button>
      {task && task.state === 'running' ? <ProgressView task={task} /> : null}
      {failure ? <ErrorView action="Validate" error={failure} onDismiss={onDismissFailure} /> : null}
      <div ref={results} tabIndex={-1} className="ci-result" role="group" aria-label="Validation results" data-testid="ci-validate-result">
        {report ? <ValidationResults report={report} onFixed={onRun} /> : <p className="ci-muted">Not validated yet.</p>}
      </div>
    </StepSection>
  );
}
