import { request } from 'undici';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { HttpMethod } from '../connection/types';
import { httpFailure, isDroppedConnection, transportFailure } from './http-errors';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy';
import type { TlsTrust } from './tls-trust';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `application/json`. */
  readonly json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (OAuth token and revocation endpoints). */
  readonly form?: Readonly<Record<string, string>>;
  /** Sent as `application/octet-stream`: Files API uploads, as the official SDKs send them. */
  readonly bytes?: Uint8Array;
  readonly signal?: AbortSignal;
  /** Per attempt. */
  readonly timeoutMs?: number;
  /** For messages: "Reading your identity". */
  readonly what?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly text: string;
  /** The server's `Date` header (epoch ms), for clock-skew checks. */
  readonly serverDate: number | undefined;
}

/**
 * The one HTTP client for every request to Databricks (REST, OAuth discovery, token and revocation): the partner
 * User-Agent on every call, a timeout per attempt, bounded retries (the shared retry policy) on 429/503 honouring
 * Retry-After, and on a dropped connection for a GET or PUT. Those are idempotent (RFC 9110 §9.2.2) and
 * Databricks' PUTs replace (the Files API upload with `overwrite=true`), so running one twice is harmless; a POST or
 * PATCH may not be, since the server may have acted before the connection broke, and a DELETE that did act would
 * answer its repeat with a misleading 404. Other statuses come back to the caller, which knows what a 401 means for
 * it; transport failures are thrown as AppFailure (NETWORK, TIMEOUT, CANCELLED).
 */
export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
}

export interface HttpClientOptions {
  readonly trust: TlsTrust;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly random?: () => number;
  readonly defaultTimeoutMs?: number;
}

/** Methods repeated after a dropped connection (see createHttpClient). */
const REPEATABLE: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'PUT']);

const cancelled = (): AppFailure => new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' });

function headerMap(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { trust, clock, logger } = options;
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const defaultTimeout = options.defaultTimeoutMs ?? 30_000;

  async function attempt(req: HttpRequest, url: URL): Promise<HttpResponse | { readonly dropped: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers, 'user-agent': PARTNER_USER_AGENT };
    let body: string | Uint8Array | undefined;
    if (req.bytes !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = req.bytes;
    } else if (req.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form as Record<string, string>).toString();
    } else if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), req.timeoutMs ?? defaultTimeout);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    try {
      const res = await request(url, { method: req.method, headers, body, signal, dispatcher: trust.dispatcher });
      const text = await res.body.text();
      const h = headerMap(res.headers);
      const date = h.date ? Date.parse(h.date) : Number.NaN;
      return { status: res.statusCode, headers: h, text, serverDate: Number.isNaN(date) ? undefined : date };
    } catch (e) {
      if (req.signal?.aborted) throw cancelled();
      if (timeout.signal.aborted) {
        throw new AppFailure({
          code: 'TIMEOUT',
          message: `${url.host} did not answer within ${Math.round((req.timeoutMs ?? defaultTimeout) / 1000)} s.`,
          hint: 'Check your network or VPN, then try again.',
        });
      }
      if (isDroppedConnection(e)) return { dropped: e };
      throw transportFailure(e, url.host);
    } finally {
      clearTimeout(timer);
    }
  }

  const pause = async (wait: number, signal: AbortSignal | undefined): Promise<void> => {
    try {
      await clock.sleep(wait, signal);
    } catch {
      throw cancelled();
    }
  };

  return {
    async send(req) {
      const url = new URL(req.url);
      const where = { method: req.method, path: url.pathname };
      for (let n = 1; ; n++) {
        if (req.signal?.aborted) throw cancelled();
        const started = clock.now();
        const res = await attempt(req, url);
        if ('dropped' in res) {
          const wait = REPEATABLE.has(req.method) ? retryDelay(n, undefined, policy, random) : undefined;
          if (wait === undefined) throw transportFailure(res.dropped, url.host);
          logger.info('the connection dropped; retrying', { ...where, waitMs: wait, attempt: n });
          await pause(wait, req.signal);
          continue;
        }
        logger.debug('http', { ...where, status: res.status, ms: clock.now() - started, attempt: n });
        if (!isRetryableStatus(res.status)) return res;
        const retryAfter = parseRetryAfter(res.headers['retry-after'], clock.now());
        const wait = retryDelay(n, retryAfter, policy, random);
        if (wait === undefined) {
          logger.warn('giving up after retries', { ...where, status: res.status, attempts: n });
          throw httpFailure(res.status, res.text, req.what ?? `${req.method} ${url.pathname}`, retryAfter);
        }
        logger.info('retrying', { ...where, status: res.status, waitMs: wait, attempt: n });
        await pause(wait, req.signal);
      }
    },
  };
}
