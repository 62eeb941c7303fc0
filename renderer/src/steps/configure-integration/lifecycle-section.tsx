import { useState } from 'react';
import type { IntegrationStatus, IntegrationView } from '../../../../shared/contract/integration';
import { ValidationBadge } from './badges';
import { PayloadExport } from './payload-export';
import { StepSection } from './step-section';
import { UninstallPanel } from './uninstall-panel';

const STATUS: Readonly<Record<IntegrationStatus, string>> = {
  'not-configured': 'Not configured',
  configured: 'Settings saved, not set up yet',
  applying: 'Setting up…',
  'apply-error': 'The last set-up stopped on a failure: apply again to resume',
  enabled: 'Set up and verified',
  'manual-pending': 'Script exported, waiting for it to be run and verified',
  uninstalled: 'Uninstalled',
};

export interface LifecycleSectionProps {
  readonly view: IntegrationView;
  /** Re-plan against the workspace as it is now (then apply the difference). */
  readonly onUpdate: () => void;
}

/** An integration that exists: its status, last validation, and Update, Uninstall, Export payload. */
export function LifecycleSection({ view, onUpdate }: LifecycleSectionProps) {
  const [uninstalling, setUninstalling] = useState(false);
  const { settings, lastValidation, lastApply } = view;
  return (
    <StepSection title="This integration" testId="ci-lifecycle" lead="Already configured in this workspace: keep it up to date, hand its payload to the governance product, or remove it.">
      <dl className="pairs" data-testid="ci-lifecycle-status" data-status={view.status}>
        <dt>Status</dt>
        <dd>{STATUS[view.status]}</dd>
        {settings ? (
          <>
            <dt>Catalog</dt>
            <dd>
              <code>{settings.config.catalog}</code>
            </dd>
          </>
        ) : null}
        <dt>Last validation</dt>
        <dd>
          {lastValidation ? (
            <>
              <ValidationBadge status={lastValidation.status} /> {new Date(lastValidation.at).toLocaleString()}
            </>
          ) : (
            'never'
          )}
        </dd>
        {lastApply ? (
          <>
            <dt>Last apply</dt>
            <dd>
              {lastApply.kind}: {lastApply.ran} ran, {lastApply.failed} failed
            </dd>
          </>
        ) : null}
      </dl>
      <div className="ci-actions">
        <button type="button" className="button" onClick={onUpdate} data-testid="ci-update">
          Update (plan again)
        </button>
        <button type="button" className="button button--danger-outline" aria-expanded={uninstalling} onClick={() => setUninstalling((u) => !u)} data-testid="ci-uninstall-toggle">
          Uninstall…
        </button>
      </div>
      {uninstalling ? <UninstallPanel resumable={view.resumable === 'uninstall'} catalog={settings?.config.catalog ?? ''} /> : null}
      <h4>Payload for the governance product</h4>
      <PayloadExport secretInVault={settings?.servicePrincipal.secretInVault ?? false} />
    </StepSection>
  );
}
