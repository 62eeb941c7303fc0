import type { SetupMode } from '../../../../shared/integration/config';
import { StepSection } from './step-section';

const MODES: readonly { readonly id: SetupMode; readonly label: string; readonly detail: string }[] = [
  {
    id: 'automatic',
    label: 'Automatic',
    detail: 'ucbridge runs the previewed statements for you, with progress and Cancel; an interrupted run resumes where it stopped.',
  },
  {
    id: 'manual',
    label: 'Manual',
    detail: 'Export setup.sql (or a notebook) for someone with the privileges to run; then Verify checks the workspace against the plan.',
  },
];

/** Automatic or manual set-up: the same statements either way. */
export function ModeSection({ mode, onChange }: { readonly mode: SetupMode; readonly onChange: (mode: SetupMode) => void }) {
  return (
    <StepSection title="Mode" testId="ci-mode" lead="Both run exactly the statements you preview in the plan.">
      <div className="ci-options ci-options--pair" role="radiogroup" aria-label="Set-up mode">
        {MODES.map((m) => (
          <label key={m.id} className="ci-option__label ci-option--block">
            <input type="radio" name="ci-mode" value={m.id} checked={mode === m.id} onChange={() => onChange(m.id)} />
            <span>
              <strong>{m.label}</strong>
              <br />
              <span className="ci-muted">{m.detail}</span>
            </span>
          </label>
        ))}
      </div>
    </StepSection>
  );
}
