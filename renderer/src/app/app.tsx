import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BridgeContext, type Bridge } from '../api/api-context';
import { useContractEvents } from '../api/use-contract-events';
import { AppHeader } from '../shell/header/app-header';
import { Wizard } from '../shell/wizard';
import { LiveRegion } from '../status/live-region';

function Shell() {
  useContractEvents();
  return (
    <>
      <a className="skip-link" href="#step-heading">
        Skip to the current step
      </a>
      <AppHeader />
      <Wizard />
      <footer className="app-footer">
        <LiveRegion />
      </footer>
    </>
  );
}

/** The providers (the bridge to main, TanStack Query) around the shell. */
export function App({ bridge, queryClient }: { readonly bridge: Bridge; readonly queryClient: QueryClient }) {
  return (
    <BridgeContext.Provider value={bridge}>
      <QueryClientProvider client={queryClient}>
        <Shell />
      </QueryClientProvider>
    </BridgeContext.Provider>
  );
}
