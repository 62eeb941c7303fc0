import { useEffect, useRef, useState } from 'react';
import type { IntegrationView } from '../../../../shared/contract/integration';
import type { SetupMode } from '../../../../shared/integration/config';
import { toAppError } from '../../api/client-error';
import { reportError } from '../../errors/error-store';
import { announce } from '../../status/announcer';
import { ApplyPanel } from './apply-panel';
import { checkConfig, EMPTY_CONFIG_FORM, formFromSettings, sameAsSaved, type ConfigForm, type Problems } from './form-state';
import { IntegrationSection } from './integration-section';
import { LeastPrivilegeSection } from './least-privilege-section';
import { LifecycleSection } from './lifecycle-section';
import { ManualSetup } from './manual-setup';
import { ModeSection } from './mode-section';
import { PlanSection } from './plan-section';
import { withoutAnswered } from './problem-keys';
import { ServicePrincipalSection } from './service-principal-section';
import { StepSection } from './step-section';
import { UninstalledNotice } from './uninstalled-notice';
import { usePlan, useViewMutation } from './use-integration';
import { useStepEvents } from './use-step-events';
import { useSaveAndValidate } from './use-validation';
import { ValidateSection } from './validate-section';
import { WarehouseSection } from './warehouse-section';

/** Fields only: a radio group carries aria-invalid too, but focus belongs on its first radio. */
const FIRST_INVALID = ['input', 'select', 'textarea'].map((tag) => `${tag}[aria-invalid="true"]`).join(', ');

const EXISTING: ReadonlySet<IntegrationView['status']> = new Set(['applying', 'apply-error', 'enabled', 'manual-pending']);

/** Step 2's sections in order, over one form; the saved settings are what validation, plan and apply use. */
export function IntegrationSetup({ view, workspaceUrl }: { readonly view: IntegrationView; readonly workspaceUrl: string }) {
  const root = useRef<HTMLDivElement>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  const [form, setForm] = useState<ConfigForm>(() => (view.settings ? formFromSettings(view.settings) : EMPTY_CONFIG_FORM));
  const [problems, setProblems] = useState<Problems>({});
  const [focusSeq, setFocusSeq] = useState(0);
  const [planRequested, setPlanRequested] = useState(false);
  const [applyTaskId, setApplyTaskId] = useState<string | undefined>(undefined);
  const validation = useSaveAndValidate();
  const setMode = useViewMutation('setMode', { onError: (e) => reportError('Change mode', toAppError(e)) });
  const patch = (change: Partial<ConfigForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setProblems((p) => withoutAnswered(p, change));
  };

  // After a refused "Save and validate", focus the first field that says what is wrong.
  useEffect(() => {
    if (focusSeq > 0) root.current?.querySelector<HTMLElement>(FIRST_INVALID)?.focus();
  }, [focusSeq]);

  const saved = view.settings;
  const blocked = !saved
    ? 'Save and validate the settings first: the plan is made from the saved settings.'
    : !sameAsSaved(form, workspaceUrl, saved)
      ? 'The settings above changed since they were saved: Save and validate again, then plan.'
      : undefined;
  const plan = usePlan('setup', planRequested && blocked === undefined);
  const states = useStepEvents(applyTaskId);

  const onValidate = () => {
    const check = checkConfig(form, workspaceUrl);
    if (!check.ok) {
      setProblems(check.problems);
      setFocusSeq((n) => n + 1);
      announce(`${Object.keys(check.problems).length} fields need attention.`);
      return;
    }
    setProblems({});
    validation.run(check.settings);
  };
  const requestPlan = () => {
    setPlanRequested(true);
    if (planRequested) void plan.refetch();
  };
  const onMode = (mode: SetupMode) => {
    patch({ mode });
    if (saved) setMode.mutate({ mode });
  };
  const onUpdate = () => {
    requestPlan();
    planHeading.current?.scrollIntoView({ block: 'start' });
    planHeading.current?.focus();
  };
  const mode = saved?.mode ?? form.mode;

  return (
    <div className="ci-setup" ref={root}>
      {EXISTING.has(view.status) ? <LifecycleSection view={view} onUpdate={onUpdate} /> : null}
      {view.status === 'uninstalled' ? <UninstalledNotice lastApply={view.lastApply} onForgotten={() => setForm(EMPTY_CONFIG_FORM)} /> : null}
      <WarehouseSection form={form} patch={patch} problem={problems.warehouse} />
      <IntegrationSection form={form} patch={patch} problems={problems} />
      <ServicePrincipalSection chosen={form.servicePrincipal} patch={patch} problem={problems.servicePrincipal} />
      <ModeSection mode={form.mode} onChange={onMode} />
      <LeastPrivilegeSection form={form} workspaceUrl={workspaceUrl} savedSchemas={saved?.config.governedSchemas} />
      <ValidateSection
        report={validation.report ?? view.lastValidation}
        running={validation.running}
        taskId={validation.taskId}
        failure={validation.failure}
        onDismissFailure={validation.dismissFailure}
        onRun={onValidate}
        resultsSeq={validation.resultsSeq}
      />
      <PlanSection plan={plan} requested={planRequested} blocked={blocked} onRequest={requestPlan} states={states} headingRef={planHeading} />
      {mode === 'automatic' ? (
        <StepSection title="Apply" testId="ci-apply" lead="Runs the previewed plan: dependencies first, a few statements at a time, each journaled so an interrupted run resumes.">
          <ApplyPanel plan={blocked ? undefined : plan.data} resumable={view.resumable === 'setup'} stopped={view.status === 'apply-error'} onStarted={setApplyTaskId} />
        </StepSection>
      ) : (
        <ManualSetup secretInVault={saved?.servicePrincipal.secretInVault ?? false} />
      )}
    </div>
  );
}
