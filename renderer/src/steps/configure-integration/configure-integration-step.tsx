import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import type { SubStepItem } from '../../ui/sub-step-nav';
import '../authenticate/authenticate.css';
import { SignInFirst } from '../sign-in-first';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import './configure-integration.css';
import './sql-plan.css';
import { IntegrationSetup } from './integration-setup';
import { CONFIGURE_SUB_STEPS, type ConfigureSubStep } from './status';
import { useIntegrationView } from './use-integration';

/** Step 2: once signed in, its four parts — Settings, Check, Set up (plan, apply or export), Manage. */
export default function ConfigureIntegrationStep({ meta, status, context, goTo, subStep, goToSubStep }: StepProps) {
  if (status === 'locked') {
    return (
      <>
        <SignInFirst goTo={goTo} />
        <WhatItWillDo meta={meta} />
      </>
    );
  }
  const part = (CONFIGURE_SUB_STEPS.some((s) => s.id === subStep) ? subStep : CONFIGURE_SUB_STEPS[0].id) as ConfigureSubStep;
  const parts: SubStepItem[] = CONFIGURE_SUB_STEPS.map((s) => ({ id: s.id, title: s.title, status: meta.subStepStatus?.(context, s.id) ?? status }));
  const workspaceUrl = context.session?.workspace?.url ?? '';
  return <SignedIn workspaceUrl={workspaceUrl} stepTitle={meta.title} parts={parts} part={part} goToPart={goToSubStep} />;
}

interface SignedInProps {
  readonly workspaceUrl: string;
  readonly stepTitle: string;
  readonly parts: readonly SubStepItem[];
  readonly part: ConfigureSubStep;
  readonly goToPart: (part: ConfigureSubStep) => void;
}

function SignedIn({ workspaceUrl, ...nav }: SignedInProps) {
  const view = useIntegrationView();
  if (view.error) return <ErrorView action="Load the integration" error={toAppError(view.error)} />;
  if (!view.data) return <p className="loading">Loading the integration…</p>;
  // Keyed by workspace: signing in elsewhere starts the form again from that workspace's saved settings.
  return <IntegrationSetup key={workspaceUrl} view={view.data} workspaceUrl={workspaceUrl} {...nav} />;
}
