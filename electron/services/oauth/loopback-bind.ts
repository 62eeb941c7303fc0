import { createServer, type RequestListener, type Server } from 'node:http';
import type { RedirectUri } from '../../../shared/domain/oauth-client';

/**
 * Binds the loopback listener for one registered redirect URI. RFC 8252 §7.3/§8.3: listen on loopback IP
 * literals only, never on all interfaces. A URI that says `localhost` may be resolved by the browser to either
 * 127.0.0.1 or ::1 (Node ≥ 17 and browsers differ; nodejs/node#47785), so both are bound on the same port, ::1
 * only where the machine has IPv6.
 */

export type BindOutcome = { readonly ok: true; readonly servers: readonly Server[] } | { readonly ok: false; readonly reason: 'in-use' };

export const hostsFor = (uri: RedirectUri): readonly string[] =>
  uri.hostname === 'localhost' ? ['127.0.0.1', '::1'] : uri.hostname === '[::1]' ? ['::1'] : ['127.0.0.1'];

function listen(server: Server, port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => resolve(e);
    server.once('error', onError);
    // A loopback address only, never `::` or 0.0.0.0: `ipv6Only` and `exclusive` would change nothing here (they
    // concern the unspecified address and cluster workers).
    server.listen({ port, host }, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

export function closeServers(servers: readonly Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          // Called back on a server already closed too (with an error this does not need).
          s.close(() => resolve());
          // Browsers keep connections alive; without this close() waits for them (reference §5.3 step 7).
          s.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}

export async function bindRedirectUri(uri: RedirectUri, handler: RequestListener): Promise<BindOutcome> {
  const hosts = hostsFor(uri);
  const servers: Server[] = [];
  for (const [i, host] of hosts.entries()) {
    const server = createServer(handler);
    server.keepAliveTimeout = 1000;
    const error = await listen(server, uri.port, host);
    if (!error) {
      servers.push(server);
      continue;
    }
    const optionalIpv6 = i > 0 && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT');
    if (optionalIpv6) continue;
    await closeServers(servers);
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return { ok: false, reason: 'in-use' };
    throw error;
  }
  return { ok: true, servers };
}
