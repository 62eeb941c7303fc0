import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import '../authenticate/authenticate.css';
import { SignInFirst } from '../sign-in-first';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import './configure-integration.css';
import './sql-plan.css';
import { IntegrationSetup } from './integration-setup';
import { useIntegrationView } from './use-integration';

/** Step 2: once signed in, the integration's settings, validation, plan, and set-up (or its lifecycle). */
export default function ConfigureIntegrationStep({ meta, status, context, goTo }: StepProps) {
  if (status === 'locked') {
    return (
      <>
        <SignInFirst goTo={goTo} />
        <WhatItWillDo meta={meta} />
      </>
    );
  }
  return <SignedIn workspaceUrl={context.session?.workspace?.url ?? ''} />;
}

function SignedIn({ workspaceUrl }: { readonly workspaceUrl: string }) {
  const view = useIntegrationView();
  if (view.error) return <ErrorView action="Load the integration" error={toAppError(view.error)} />;
  if (!view.data) return <p className="loading">Loading the integration…</p>;
  // Keyed by workspace: signing in elsewhere starts the form again from that workspace's saved settings.
  return <IntegrationSetup key={workspaceUrl} view={view.data} workspaceUrl={workspaceUrl} />;
}
