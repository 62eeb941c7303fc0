import { useCallback, useState } from 'react';
import { useAppInfo } from '../api/hooks/app';
import { useSessionState } from '../api/hooks/session';
import { TaskTray } from '../progress/task-tray';
import { WaitingForBrowser } from '../session/waiting-for-browser';
import { isSignedIn } from '../session/session-facts';
import { STEPS, stepIndex } from '../steps/registry';
import { stepStatuses } from '../steps/step-activity';
import type { StepContext, StepId } from '../steps/step-types';
import { ConnectionBanner } from './connection-banner';
import { StartupNotices } from './startup-notices';
import { StepIndicator } from './step-indicator';
import { StepPanel } from './step-panel';
import { useRunningSteps } from './use-running-steps';
import { useStepFacts } from './use-step-facts';

const METAS = STEPS.map((s) => s.meta);

/** The step list (with each step's parts) and the current step, with the window's banners and running tasks. */
export function Wizard() {
  const session = useSessionState();
  const info = useAppInfo();
  const [current, setCurrent] = useState<StepId>('authenticate');
  const [parts, setParts] = useState<Readonly<Partial<Record<StepId, string>>>>({});
  const [navigated, setNavigated] = useState(false);
  const goTo = useCallback((id: StepId, subStep?: string) => {
    setCurrent(id);
    if (subStep !== undefined) setParts((p) => ({ ...p, [id]: subStep }));
    setNavigated(true);
  }, []);

  const signedIn = isSignedIn(session.data);
  const facts = useStepFacts(signedIn);
  const context: StepContext = { session: session.data, signedIn, facts };
  const running = useRunningSteps();
  const { statuses, subStatuses } = stepStatuses(METAS, context, running);
  const index = stepIndex(current);
  const entry = STEPS[index] ?? STEPS[0];
  if (!entry) return null;
  const subStep = parts[entry.meta.id] ?? entry.meta.subSteps?.[0]?.id;

  return (
    <div className="layout">
      <StepIndicator current={current} currentSubStep={subStep} statuses={statuses} subStatuses={subStatuses} goTo={goTo} />
      <main className="layout__main" id="main">
        <ConnectionBanner />
        <StartupNotices />
        <WaitingForBrowser />
        <TaskTray />
        <StepPanel
          key={entry.meta.id}
          entry={entry}
          index={index}
          statuses={statuses}
          context={context}
          subStep={subStep}
          goTo={goTo}
          focusHeading={navigated}
          ready={!session.isPending && !info.isPending}
        />
      </main>
    </div>
  );
}
