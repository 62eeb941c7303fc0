import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFirstRender } from './api/prefetch-first-render';
import { createQueryClient } from './api/query-client';
import { resolveApi } from './api/resolve-api';
import { App } from './app/app';
import { BridgeUnavailableView } from './app/bridge-unavailable-view';
import { preloadStep } from './steps/registry';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  // The first step's chunk downloads while the bridge to main is set up, not after; the first render waits for it,
  // so the step shows at once instead of "Loading…" (steps/registry.ts, stepComponent).
  const firstStep = preloadStep('authenticate');
  // The harness transport is a lazy chunk; if even that cannot load, this window has no way to reach main.
  const source = await resolveApi().catch(() => ({ kind: 'none' }) as const);
  if (source.kind === 'none') {
    root.render(<BridgeUnavailableView />);
    return;
  }
  const queryClient = createQueryClient();
  prefetchFirstRender(queryClient, source.api);
  // Events sent while the harness link was down are lost: refetch everything once it is back.
  source.onReopen(() => void queryClient.invalidateQueries());
  await firstStep;
  root.render(
    <StrictMode>
      <App bridge={source} queryClient={queryClient} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
