import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HARNESS_SOCKET_PATH, harnessSubprotocol } from '../../shared/contract/harness-names';
import type { HarnessAccess } from './harness-access';

export type GateDecision =
  | { readonly ok: true; readonly protocol: string }
  | { readonly ok: false; readonly status: 400 | 401 | 403 | 404 | 421; readonly reason: string };

const sameSecret = (offered: string, expected: string): boolean => {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Who may open the harness socket: only the page the harness served to its user's browser. It must come to `/ipc`
 * on the harness's own host, from the harness's own Origin (a browser sets Origin and pages cannot forge it; other
 * processes can), carry the session cookie (which only the browser that spent the one-time URL holds, and never
 * shows to scripts), and offer the per-run secret as its subprotocol (which is only in the page served with that
 * cookie).
 */
export interface GateExpectation {
  readonly origin: string;
  readonly host: string;
  readonly secret: string;
  readonly access: Pick<HarnessAccess, 'admits'>;
}

export function checkUpgrade(req: IncomingMessage, expected: GateExpectation): GateDecision {
  const { pathname } = new URL(req.url ?? '/', expected.origin);
  if (pathname !== HARNESS_SOCKET_PATH) return { ok: false, status: 404, reason: 'wrong path' };
  if (req.headers.host !== expected.host) return { ok: false, status: 421, reason: 'wrong host' };
  if (req.headers.origin !== expected.origin) return { ok: false, status: 403, reason: 'untrusted origin' };
  if (!expected.access.admits(req.headers.cookie)) return { ok: false, status: 401, reason: 'no session' };
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const protocol = harnessSubprotocol(expected.secret);
  if (!offered.some((p) => sameSecret(p, protocol))) {
    return { ok: false, status: 401, reason: 'missing or wrong secret' };
  }
  return { ok: true, protocol };
}
