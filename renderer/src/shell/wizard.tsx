import { useCallback, useState } from 'react';
import { useAppInfo } from '../api/hooks/app';
import { useSessionState } from '../api/hooks/session';
import { ErrorNotices } from '../errors/error-notices';
import { TaskTray } from '../progress/task-tray';
import { isSignedIn } from '../session/session-facts';
import { STEPS, stepIndex } from '../steps/registry';
import type { StepContext, StepId } from '../steps/step-types';
import { ConnectionBanner } from './connection-banner';
import { StartupNotices } from './startup-notices';
import { StepIndicator } from './step-indicator';
import { StepPanel } from './step-panel';

/** The step indicator and the current step, with the window's notices (connection, errors, progress) above it. */
export function Wizard() {
  const session = useSessionState();
  const info = useAppInfo();
  const [current, setCurrent] = useState<StepId>('authenticate');
  const [navigated, setNavigated] = useState(false);
  const goTo = useCallback((id: StepId) => {
    setCurrent(id);
    setNavigated(true);
  }, []);

  const context: StepContext = { session: session.data, signedIn: isSignedIn(session.data) };
  const statuses = STEPS.map((s) => s.meta.status(context));
  const index = stepIndex(current);
  const entry = STEPS[index] ?? STEPS[0];
  if (!entry) return null;

  return (
    <div className="layout">
      <StepIndicator current={current} statuses={statuses} goTo={goTo} />
      <main className="layout__main" id="main">
        <ConnectionBanner />
        <StartupNotices />
        <ErrorNotices />
        <TaskTray />
        <StepPanel
          key={entry.meta.id}
          entry={entry}
          index={index}
          status={statuses[index] ?? 'locked'}
          context={context}
          goTo={goTo}
          focusHeading={navigated}
          ready={!session.isPending && !info.isPending}
        />
      </main>
    </div>
  );
}
