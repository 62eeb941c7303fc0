import type { StepEvent } from './use-step-events';

const TEXT: Readonly<Record<StepEvent['state'], { readonly icon: string; readonly text: string; readonly tone: string }>> = {
  running: { icon: '…', text: 'Running', tone: 'warning' },
  done: { icon: '✓', text: 'Done', tone: 'passed' },
  skipped: { icon: '–', text: 'Skipped', tone: 'skipped' },
  failed: { icon: '✗', text: 'Failed', tone: 'failed' },
  retrying: { icon: '↻', text: 'Retrying', tone: 'warning' },
};

/** A step's state during apply, as an icon and a word (and its message, when main sent one). */
export function StepStateBadge({ event }: { readonly event: StepEvent }) {
  const { icon, text, tone } = TEXT[event.state];
  return (
    <span className={`ci-badge ci-badge--${tone}`} data-step-state={event.state} title={event.message}>
      <span aria-hidden="true" className="ci-badge__icon">
        {icon}
      </span>
      {text}
      {event.message && event.state !== 'done' ? <span className="ci-badge__message">: {event.message}</span> : null}
    </span>
  );
}
