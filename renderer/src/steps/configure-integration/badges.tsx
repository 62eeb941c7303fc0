import type { StepAction } from '../../../../shared/integration/plan-types';
import type { ValidationStatus } from '../../../../shared/integration/validation-types';

/** Status as an icon and a word, never colour alone (the icon is decorative; the word is read). */
const VALIDATION: Readonly<Record<ValidationStatus, { readonly icon: string; readonly text: string }>> = {
  passed: { icon: '✓', text: 'Passed' },
  failed: { icon: '✗', text: 'Failed' },
  warning: { icon: '!', text: 'Warning' },
  skipped: { icon: '–', text: 'Skipped' },
};

export function ValidationBadge({ status }: { readonly status: ValidationStatus }) {
  const { icon, text } = VALIDATION[status];
  return (
    <span className={`ci-badge ci-badge--${status}`} data-status={status}>
      <span aria-hidden="true" className="ci-badge__icon">
        {icon}
      </span>
      {text}
    </span>
  );
}

const ACTION: Readonly<Record<StepAction, { readonly icon: string; readonly text: string }>> = {
  create: { icon: '+', text: 'Create' },
  change: { icon: '~', text: 'Change' },
  unchanged: { icon: '=', text: 'Unchanged' },
  drop: { icon: '✕', text: 'Drop' },
};

export function ActionBadge({ action }: { readonly action: StepAction }) {
  const { icon, text } = ACTION[action];
  return (
    <span className={`ci-badge ci-badge--${action}`} data-action={action}>
      <span aria-hidden="true" className="ci-badge__icon">
        {icon}
      </span>
      {text}
    </span>
  );
}

/** Warehouse states as the warehouses API spells them, in words. */
const WAREHOUSE: Readonly<Record<string, string>> = {
  RUNNING: 'Running',
  STARTING: 'Starting',
  STOPPED: 'Stopped',
  STOPPING: 'Stopping',
  DELETED: 'Deleted',
  DELETING: 'Deleting',
};

export function WarehouseStateBadge({ state }: { readonly state: string }) {
  const tone = state === 'RUNNING' ? 'passed' : state === 'STOPPED' || state === 'STOPPING' ? 'skipped' : 'warning';
  return (
    <span className={`ci-badge ci-badge--${tone}`} data-state={state}>
      <span aria-hidden="true" className="ci-badge__icon">
        {state === 'RUNNING' ? '●' : '○'}
      </span>
      {WAREHOUSE[state] ?? state}
    </span>
  );
}
