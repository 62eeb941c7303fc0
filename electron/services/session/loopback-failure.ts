import { authFailure } from '../../../shared/domain/auth-failures';
import type { WorkspaceAddress } from '../../../shared/domain/workspace-url';
import { AppFailure } from '../../../shared/result';
import type { SandboxDetails } from './sandbox-launcher';

/**
 * A loopback address (a typed or recent "Local sandbox") that cannot be reached, or whose certificate is not
 * trusted, is almost always the sandbox of an earlier run: it gets a new port and CA each time it starts, and
 * ucbridge trusts its CA only when it is chosen as the sandbox. Say that, rather than blaming the network, a VPN or
 * a TLS-inspecting proxy. Other failures, and any for a real workspace, pass through unchanged.
 */
export function explainLoopbackFailure(error: unknown, address: WorkspaceAddress, running: SandboxDetails | undefined): unknown {
  if (address.kind !== 'sandbox' || !(error instanceof AppFailure)) return error;
  if (error.error.code !== 'NETWORK' && error.error.code !== 'TIMEOUT') return error;
  if (running && running.url !== address.url) return new AppFailure(authFailure('sandbox-moved', { host: address.host, detail: `it now runs at ${running.url}` }));
  if (!running) return new AppFailure(authFailure('sandbox-not-running', { host: address.host }));
  return error;
}
