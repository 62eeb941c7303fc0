import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { toAppError } from '../api/client-error';
import { BridgeContext, type Bridge } from '../api/api-context';
import { useSessionState } from '../api/hooks/session';
import { useContractEvents } from '../api/use-contract-events';
import { AppHeader } from '../shell/header/app-header';
import { useWorkspaceReset } from '../shell/use-workspace-reset';
import { Wizard } from '../shell/wizard';
import { LiveRegion } from '../status/live-region';
import { reportError } from '../errors/error-store';
import { Lazy, lazyComponent } from '../lib/lazy-component';
import { TooltipProvider } from '../ui/tooltip';

/**
 * The toasts' code (Radix Toast) loads just after the first render, not with it: nothing is notified before the
 * first screen, and notices raised meanwhile wait in their store (notices/notice-store.ts) until it shows them.
 */
const notices = lazyComponent(() => import('../ui/toast').then((m) => m.Notices));
const noticesFailed = (error: unknown) => reportError('Show notices', toAppError(error));

function Shell() {
  useContractEvents();
  const session = useSessionState();
  useWorkspaceReset(session.data?.workspace?.url, session.data !== undefined);
  return (
    <>
      <a className="skip-link" href="#step-heading">
        Skip to the current step
      </a>
      <AppHeader />
      <Wizard />
      <LiveRegion />
      <Lazy component={notices} wanted props={{}} onError={noticesFailed} />
    </>
  );
}

/** The providers (the bridge to main, TanStack Query, tooltips) around the shell. */
export function App({ bridge, queryClient }: { readonly bridge: Bridge; readonly queryClient: QueryClient }) {
  return (
    <BridgeContext.Provider value={bridge}>
      <QueryClientProvider client={queryClient}>
        <TooltipProvider>
          <Shell />
        </TooltipProvider>
      </QueryClientProvider>
    </BridgeContext.Provider>
  );
}
