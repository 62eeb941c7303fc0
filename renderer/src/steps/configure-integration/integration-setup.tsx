import { useEffect, useRef, useState } from 'react';
import type { IntegrationView } from '../../../../shared/contract/integration';
import type { SetupMode } from '../../../../shared/integration/config';
import { assertNever } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { reportError } from '../../errors/error-store';
import { announce } from '../../status/announcer';
import { SubStepNav, type SubStepItem } from '../../ui/sub-step-nav';
import { CheckPart } from './check-part';
import { checkConfig, EMPTY_CONFIG_FORM, formFromSettings, sameAsSaved, type ConfigForm, type Problems } from './form-state';
import { ManagePart } from './manage-part';
import { withoutAnswered } from './problem-keys';
import { SettingsPart } from './settings-part';
import { SetupPart } from './setup-part';
import type { ConfigureSubStep } from './status';
import { usePlan, useViewMutation } from './use-integration';
import { useStepEvents } from './use-step-events';
import { useSaveAndValidate } from './use-validation';

/** Fields only: a radio group carries aria-invalid too, but focus belongs on its first radio. */
const FIRST_INVALID = ['input', 'select', 'textarea'].map((tag) => `${tag}[aria-invalid="true"]`).join(', ');

export interface IntegrationSetupProps {
  readonly view: IntegrationView;
  readonly workspaceUrl: string;
  readonly stepTitle: string;
  readonly parts: readonly SubStepItem[];
  readonly part: ConfigureSubStep;
  readonly goToPart: (part: ConfigureSubStep) => void;
}

/**
 * Step 2 as four parts (Settings → Check → Set up → Manage) over one form, kept here so moving between the parts
 * loses nothing; the saved settings are what validation, plan and apply use.
 */
export function IntegrationSetup({ view, workspaceUrl, stepTitle, parts, part, goToPart }: IntegrationSetupProps) {
  const root = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<ConfigForm>(() => (view.settings ? formFromSettings(view.settings) : EMPTY_CONFIG_FORM));
  const [problems, setProblems] = useState<Problems>({});
  const [focusSeq, setFocusSeq] = useState(0);
  const [planRequested, setPlanRequested] = useState(false);
  const [planSeq, setPlanSeq] = useState(0);
  const [applyTaskId, setApplyTaskId] = useState<string | undefined>(undefined);
  const validation = useSaveAndValidate();
  const setMode = useViewMutation('setMode', { onError: (e) => reportError('Change mode', toAppError(e)) });
  const patch = (change: Partial<ConfigForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setProblems((p) => withoutAnswered(p, change));
  };

  // After a refused "Save and validate", focus the first field that says what is wrong (on the Settings part).
  useEffect(() => {
    if (focusSeq > 0) root.current?.querySelector<HTMLElement>(FIRST_INVALID)?.focus();
  }, [focusSeq]);

  const saved = view.settings;
  const blocked = !saved
    ? 'Save and validate the settings first: the plan is made from the saved settings.'
    : !sameAsSaved(form, workspaceUrl, saved)
      ? 'The settings changed since they were saved: Save and validate again (Settings), then plan.'
      : undefined;
  const plan = usePlan('setup', planRequested && blocked === undefined);
  const states = useStepEvents(applyTaskId);

  const onValidate = () => {
    const check = checkConfig(form, workspaceUrl);
    if (!check.ok) {
      setProblems(check.problems);
      setFocusSeq((n) => n + 1);
      if (part !== 'settings') goToPart('settings');
      announce(`${Object.keys(check.problems).length} fields need attention.`);
      return;
    }
    setProblems({});
    validation.run(check.settings);
    if (part !== 'check') goToPart('check');
  };
  const requestPlan = () => {
    setPlanRequested(true);
    setPlanSeq((n) => n + 1);
    // A new plan is marked against the workspace as it is now, not with the last apply's states.
    setApplyTaskId(undefined);
    if (planRequested) void plan.refetch();
  };
  const onMode = (mode: SetupMode) => {
    patch({ mode });
    if (saved) setMode.mutate({ mode });
  };
  const onUpdate = () => {
    goToPart('setup');
    requestPlan();
  };

  return (
    <div className="ci-setup" ref={root} data-part={part}>
      <SubStepNav stepTitle={stepTitle} items={parts} current={part} onSelect={(id) => goToPart(id as ConfigureSubStep)} />
      {((): React.ReactNode => {
        switch (part) {
          case 'settings':
            return <SettingsPart form={form} patch={patch} problems={problems} running={validation.running} onValidate={onValidate} />;
          case 'check':
            return <CheckPart form={form} workspaceUrl={workspaceUrl} view={view} validation={validation} onValidate={onValidate} />;
          case 'setup':
            return (
              <SetupPart
                view={view}
                chosenMode={form.mode}
                mode={saved?.mode ?? form.mode}
                onMode={onMode}
                plan={plan}
                planRequested={planRequested}
                planSeq={planSeq}
                blocked={blocked}
                onPlan={requestPlan}
                states={states}
                onApplyStarted={setApplyTaskId}
              />
            );
          case 'manage':
            return <ManagePart view={view} onUpdate={onUpdate} onForgotten={() => setForm(EMPTY_CONFIG_FORM)} onSetUp={() => goToPart('setup')} />;
          default:
            return assertNever(part, 'sub-step');
        }
      })()}
    </div>
  );
}
