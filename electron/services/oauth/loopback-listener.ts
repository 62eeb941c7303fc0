import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authFailure, type AuthFailureContext } from '../../../shared/domain/auth-failures';
import type { RedirectUri } from '../../../shared/domain/oauth-client';
import { AppFailure, type AppError } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import { callbackPage, PAGE_HEADERS, RESULT_PATH } from './callback-page';
import { bindRedirectUri, closeServers } from './loopback-bind';
import { sameSecret } from './pkce';

/**
 * The RFC 8252 loopback redirect listener for one U2M sign-in. It binds the first registered redirect URI whose
 * port is free, accepts exactly one callback carrying the right `state`, answers it with a 302 to a result page,
 * then closes. A request with a wrong or missing state gets a 400 and the listener keeps waiting: any local
 * process can reach loopback, and a stray request must not end a real sign-in (PKCE protects the code anyway).
 */

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackOptions {
  readonly redirectUris: readonly RedirectUri[];
  readonly state: string;
  /** RFC 9207: a callback's `iss`, when present, must be the discovered issuer (mix-up defence). */
  readonly expectedIssuer?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long to stay up after the callback if the browser never fetches the result page. */
  readonly lingerMs?: number;
  readonly context?: AuthFailureContext;
}

export interface LoopbackListener {
  readonly redirectUri: RedirectUri;
  /** `127.0.0.1:8020`, `[::1]:8020`. */
  readonly boundTo: readonly string[];
  /** Epoch ms after which the sign-in times out. */
  readonly deadline: number;
  /** The authorization code; rejects with AUTH_FAILED, TIMEOUT or CANCELLED. */
  readonly code: Promise<string>;
  /** Resolves once every socket is closed. */
  readonly closed: Promise<void>;
  /**
   * The sign-in's final outcome after the code exchange, so the browser's result page says "signed in" only when
   * it is true. Without a report within the linger time the page reflects the callback alone.
   */
  complete(error?: AppError): void;
  /** Abandons a pending sign-in (CANCELLED) and closes; after the callback, closing is left to the result page. */
  close(): void;
}

type Outcome = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly error: AppError };

/** A listening TCP server's address (address() is a string only for a pipe, null only when not listening). */
const addressOf = (s: Server): string => {
  const a = s.address() as AddressInfo;
  return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
};

/** A failure as the result page's paragraphs: what happened, then the fix when there is one. */
const failureLines = (e: AppError): string[] => [e.message, ...(e.hint === undefined ? [] : [e.hint])];

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const { clock, logger } = options;
  const ctx: AuthFailureContext = { ...options.context, redirectUris: options.redirectUris.map((u) => u.uri) };
  let outcome: Outcome | undefined;
  let settle: (o: Outcome) => void = () => undefined;
  const settled = new Promise<Outcome>((resolve) => (settle = resolve));
  const stop = new AbortController();
  let servers: readonly Server[] = [];
  let uri: RedirectUri | undefined;
  let closing: Promise<void> | undefined;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  let servingResult = false;
  let report: (error: AppError | undefined) => void = () => undefined;
  const reported = new Promise<AppError | undefined>((resolve) => (report = resolve));

  const close = (): Promise<void> => {
    if (!closing) {
      stop.abort();
      closing = closeServers(servers).then(markClosed);
    }
    return closing;
  };
  const finish = (o: Outcome, closeNow: boolean): void => {
    if (outcome) return;
    outcome = o;
    settle(o);
    if (closeNow) void close();
    else void clock.sleep(options.lingerMs ?? 10_000, stop.signal).then(() => (servingResult ? undefined : close()), () => undefined);
  };

  const allowedHosts = (port: number) => new Set([`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`]);

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const page = (status: number, title: string, lines: readonly string[]) => res.writeHead(status, PAGE_HEADERS).end(callbackPage(title, lines));
    if (!uri || req.method !== 'GET' || !allowedHosts(uri.port).has(String(req.headers.host))) {
      res.writeHead(404).end();
      return;
    }
    // A server's request always has its url (and String() of a missing Host matches no allowed host above).
    const url = new URL(String(req.url), 'http://loopback');
    if (url.pathname === RESULT_PATH && outcome) {
      const current = outcome;
      servingResult = true;
      res.on('close', () => void close());
      const failed = (e: AppError) => page(200, 'Sign-in did not complete', [...failureLines(e), 'You can close this tab.']);
      if (!current.ok) {
        failed(current.error);
        return;
      }
      const wait = clock.sleep(options.lingerMs ?? 10_000, stop.signal).then(() => undefined, () => undefined);
      void Promise.race([reported, wait]).then((error) => {
        if (error) failed(error);
        else page(200, 'Signed in to ucbridge', ['You can close this tab and return to ucbridge.']);
      });
      return;
    }
    if (url.pathname !== uri.path || outcome) {
      res.writeHead(404).end();
      return;
    }
    if (!sameSecret(url.searchParams.get('state'), options.state)) {
      logger.warn('ignored a loopback callback with a wrong or missing state');
      page(400, 'Not the current sign-in', failureLines(authFailure('state-mismatch')));
      return;
    }
    const iss = url.searchParams.get('iss');
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    const clean = (s: string | null) => (s ?? '').replace(/[^\w .,:;'()/-]/g, '').slice(0, 200);
    if (iss !== null && options.expectedIssuer !== undefined && iss !== options.expectedIssuer) {
      finish({ ok: false, error: authFailure('authorize-error', { ...ctx, detail: 'the answer came from another issuer' }) }, false);
    } else if (error !== null) {
      const kind = error === 'access_denied' ? 'consent-denied' : 'authorize-error';
      finish({ ok: false, error: authFailure(kind, { ...ctx, detail: [clean(error), clean(url.searchParams.get('error_description'))].filter(Boolean).join(': ') }) }, false);
    } else if (code) {
      finish({ ok: true, code }, false);
    } else {
      finish({ ok: false, error: authFailure('authorize-error', { ...ctx, detail: 'the answer had no code' }) }, false);
    }
    res.writeHead(302, { location: RESULT_PATH, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end();
  };

  for (const candidate of options.redirectUris) {
    const bound = await bindRedirectUri(candidate, handler);
    if (bound.ok) {
      servers = bound.servers;
      uri = candidate;
      break;
    }
    logger.info('redirect port in use, trying the next registered one', { port: candidate.port });
  }
  if (!uri) throw new AppFailure(authFailure('ports-in-use', ctx));
  // Read while listening: a signal aborted before the start closes the servers just below.
  const boundTo = servers.map(addressOf);

  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const deadline = clock.now() + timeoutMs;
  clock.sleep(timeoutMs, stop.signal).then(
    () => finish({ ok: false, error: authFailure('timeout', { ...ctx, timeoutMs }) }, true),
    () => undefined,
  );
  const onAbort = () => finish({ ok: false, error: { code: 'CANCELLED', message: 'Sign-in was cancelled.' } }, true);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const code = settled.then((o) => {
    options.signal?.removeEventListener('abort', onAbort);
    if (o.ok) return o.code;
    throw new AppFailure(o.error);
  });
  code.catch(() => undefined);
  logger.info('loopback listener ready', { redirectUri: uri.uri, boundTo });
  return {
    redirectUri: uri,
    boundTo,
    deadline,
    code,
    closed,
    complete: (error) => report(error),
    close: () => finish({ ok: false, error: { code: 'CANCELLED', message: 'Sign-in was cancelled.' } }, true),
  };
}
