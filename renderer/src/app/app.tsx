import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BridgeContext, type Bridge } from '../api/api-context';
import { useSessionState } from '../api/hooks/session';
import { useContractEvents } from '../api/use-contract-events';
import { AppHeader } from '../shell/header/app-header';
import { useWorkspaceReset } from '../shell/use-workspace-reset';
import { Wizard } from '../shell/wizard';
import { LiveRegion } from '../status/live-region';
import { Notices } from '../ui/toast';
import { TooltipProvider } from '../ui/tooltip';

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
      <Notices />
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
