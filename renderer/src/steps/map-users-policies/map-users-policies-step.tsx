import { assertNever } from '../../../../shared/result';
import { SubStepNav } from '../../ui/sub-step-nav';
import '../configure-integration/configure-integration.css';
import '../configure-integration/sql-plan.css';
import { SignInFirst } from '../sign-in-first';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import './map-users-policies.css';
import { PolicyEditor } from './policy-editor';
import { PolicyPlanPanel } from './policy-plan-panel';
import { PreviewPanel } from './preview-panel';
import { MAP_SUB_STEPS, type MapSubStep } from './status';
import { UsersPanel } from './users-panel';

/** Step 3: users (import, directory, match, mapping), policies (write or import, check, plan, apply, export, uninstall) and preview as a user. */
export default function MapUsersPoliciesStep({ meta, status, context, goTo, subStep, goToSubStep }: StepProps) {
  if (status === 'locked') {
    return (
      <>
        <SignInFirst goTo={goTo} />
        <WhatItWillDo meta={meta} />
      </>
    );
  }
  const current = (MAP_SUB_STEPS.some((s) => s.id === subStep) ? subStep : MAP_SUB_STEPS[0].id) as MapSubStep;
  const items = MAP_SUB_STEPS.map((s) => ({ id: s.id, title: s.title, status: meta.subStepStatus?.(context, s.id) ?? status }));
  return (
    <>
      <SubStepNav stepTitle={meta.title} items={items} current={current} onSelect={goToSubStep} />
      {context.facts.integration && context.facts.integration.status !== 'enabled' ? (
        <p className="notice" data-testid="mp-needs-integration">
          Set up the integration first (Configure integration): its catalog holds the policy functions and the users’ attributes.
        </p>
      ) : null}
      <SubStepBody current={current} integrationReady={context.facts.integration?.status === 'enabled'} />
    </>
  );
}

function SubStepBody({ current, integrationReady }: { readonly current: MapSubStep; readonly integrationReady: boolean }) {
  switch (current) {
    case 'users':
      return <UsersPanel integrationReady={integrationReady} />;
    case 'policies':
      return (
        <>
          <PolicyEditor />
          <PolicyPlanPanel />
        </>
      );
    case 'preview':
      return <PreviewPanel />;
    default:
      return assertNever(current, 'sub-step');
  }
}
