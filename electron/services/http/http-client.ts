import { request } from 'undici';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { HttpMethod } from '../connection/types';
import { httpFailure, transportFailure } from './http-errors';
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
 * User-Agent on every call, a timeout per attempt, bounded retries on 429/503. Other statuses come back to the
 * caller, which knows what a 401 means for it; transport failures are thrown as AppFailure (NETWORK, TIMEOUT,
 * CANCELLED).
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

  async function attempt(req: HttpRequest, url: URL): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers, 'user-agent': PARTNER_USER_AGENT };
    let body: string | undefined;
    if (req.form !== undefined) {
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
      throw transportFailure(e, url.host);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async send(req) {
      const url = new URL(req.url);
      for (let n = 1; ; n++) {
        if (req.signal?.aborted) throw cancelled();
        const started = clock.now();
        const res = await attempt(req, url);
        logger.debug('http', { method: req.method, path: url.pathname, status: res.status, ms: clock.now() - started, attempt: n });
        if (!isRetryableStatus(res.status)) return res;
        const wait = retryDelay(n, parseRetryAfter(res.headers['retry-after'], clock.now()), policy, random);
        if (wait === undefined) {
          logger.warn('giving up after retries', { method: req.method, path: url.pathname, status: res.status, attempts: n });
          throw httpFailure(res.status, res.text, req.what ?? `${req.method} ${url.pathname}`);
        }
        logger.info('retrying', { method: req.method, path: url.pathname, status: res.status, waitMs: wait, attempt: n });
        try {
          await clock.sleep(wait, req.signal);
        } catch {
          throw cancelled();
        }
      }
    },
  };
}
