import { useState } from 'react';
import type { IntegrationView } from '../../../../shared/contract/integration';
import { LifecycleSection } from './lifecycle-section';
import { StepSection } from './step-section';
import { UninstalledNotice } from './uninstalled-notice';

/** An integration in the workspace (being set up, set up, or waiting for its script). */
export const EXISTING: ReadonlySet<IntegrationView['status']> = new Set(['applying', 'apply-error', 'enabled', 'manual-pending']);

export interface ManagePartProps {
  readonly view: IntegrationView;
  readonly onUpdate: () => void;
  readonly onForgotten: () => void;
  readonly onSetUp: () => void;
}

/** Sub-step 4: the integration's status, Update, Uninstall and its payload; after an uninstall, forget the settings. */
export function ManagePart({ view, onUpdate, onForgotten, onSetUp }: ManagePartProps) {
  // Uninstalled since this part was opened: the notice is the uninstall's result.
  const [openedWith] = useState(view.status);
  if (EXISTING.has(view.status)) return <LifecycleSection view={view} onUpdate={onUpdate} />;
  if (view.status === 'uninstalled') return <UninstalledNotice lastApply={view.lastApply} onForgotten={onForgotten} reveal={openedWith !== 'uninstalled'} />;
  return (
    <StepSection title="Not set up yet" testId="ci-not-set-up" lead="Nothing is set up in this workspace yet.">
      <p>Once it is set up (or its script has run and been verified), this is where you keep it up to date, export its payload for the governance product, or uninstall it.</p>
      <button type="button" className="button" onClick={onSetUp}>
        Go to Set up
      </button>
    </StepSection>
  );
}
