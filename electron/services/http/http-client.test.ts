import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { AppFailure } from '../../../shared/result';
import { createLogger, type LogRecord } from '../../logging';
import { systemClock } from '../../node';
import { createHttpClient } from './http-client';
import { TransientFailure } from './retry-policy';
import { createTestTls } from './self-signed.test-support';
import { createTlsTrust, type TlsTrust } from './tls-trust';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let handler: Handler = (_req, res) => res.end('{}');
const seen: { method: string; url: string; ua: string | undefined; type: string | undefined; body: string }[] = [];
let server: Server;
let base: string;
const trusts: TlsTrust[] = [];
const records: LogRecord[] = [];
const logger = createLogger({ level: 'debug', sinks: [(r) => records.push(r)] });

const client = (opts: { timeoutMs?: number; trust?: TlsTrust } = {}) => {
  const trust = opts.trust ?? createTlsTrust();
  trusts.push(trust);
  return createHttpClient({
    trust,
    clock: systemClock,
    logger,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2000 },
    defaultTimeoutMs: opts.timeoutMs ?? 5000,
  });
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', ua: req.headers['user-agent'], type: req.headers['content-type'], body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen.length = 0;
  records.length = 0;
});
afterAll(async () => {
  await Promise.all(trusts.map((t) => t.close()));
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const failure = async (p: Promise<unknown>): Promise<AppFailure> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
};

describe('http client', () => {
  it('sends the partner User-Agent and a JSON or form body', async () => {
    handler = (_req, res) => res.end('{"ok":1}');
    const http = client();
    const a = await http.send({ method: 'POST', url: `${base}/api/x`, json: { a: 1 }, headers: { 'user-agent': 'spoofed' } });
    const b = await http.send({ method: 'POST', url: `${base}/oidc/v1/token`, form: { grant_type: 'client_credentials', scope: 'all-apis' } });
    expect([a.status, a.text, b.status]).toEqual([200, '{"ok":1}', 200]);
    expect(seen.map((s) => s.ua)).toEqual([PARTNER_USER_AGENT, PARTNER_USER_AGENT]);
    expect(seen[0]).toMatchObject({ type: 'application/json', body: '{"a":1}' });
    expect(seen[1]).toMatchObject({ type: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials&scope=all-apis' });
  });

  it('retries 429 honouring Retry-After and 503 with backoff, then succeeds', async () => {
    let n = 0;
    handler = (_req, res) => {
      n++;
      if (n === 1) res.writeHead(429, { 'retry-after': '0' }).end('{"error_code":"REQUEST_LIMIT_EXCEEDED"}');
      else if (n === 2) res.writeHead(503).end();
      else res.end('done');
    };
    const res = await client().send({ method: 'GET', url: `${base}/api/slow` });
    expect([res.status, res.text, seen.length]).toEqual([200, 'done', 3]);
    expect(records.filter((r) => r.message === 'retrying')).toHaveLength(2);
  });

  it('gives up after the bounded number of attempts with RATE_LIMITED / UNAVAILABLE', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '0' }).end('{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}');
    const e = await failure(client().send({ method: 'GET', url: `${base}/api/x`, what: 'Listing catalogs' }));
    expect(e.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(e.error.message).toContain('Listing catalogs failed: Databricks answered 429 (REQUEST_LIMIT_EXCEEDED: slow down)');
    expect(seen).toHaveLength(4);
    handler = (_req, res) => res.writeHead(503).end();
    expect((await failure(client().send({ method: 'GET', url: `${base}/api/x` }))).error.code).toBe('UNAVAILABLE');
  });

  it('honours a Retry-After in seconds or as an HTTP date, capped at the longest the policy allows', async () => {
    const slept: number[] = [];
    const clock = { now: () => Date.parse('Sun, 06 Nov 1994 08:49:30 GMT'), sleep: async (ms: number) => void slept.push(ms) };
    const trust = createTlsTrust();
    trusts.push(trust);
    const http = createHttpClient({ trust, clock, logger, random: () => 0, retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2000 } });
    const answers = ['1', 'Sun, 06 Nov 1994 08:49:31 GMT', '3600'];
    handler = (_req, res) => {
      const after = answers.shift();
      if (after === undefined) res.end('done');
      else res.writeHead(429, { 'retry-after': after }).end();
    };
    expect((await http.send({ method: 'GET', url: `${base}/api/x` })).text).toBe('done');
    expect(slept).toEqual([1000, 1000, 2000]);
  });

  it('keeps the last Retry-After on the failure when it gives up, for a caller that retries the whole operation', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '0' }).end('{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}');
    const e = await failure(client().send({ method: 'POST', url: `${base}/api/x` }));
    expect(e).toBeInstanceOf(TransientFailure);
    expect(e).toMatchObject({ error: { code: 'UNAVAILABLE' }, retryAfterMs: 0 });
  });

  it('retries a GET whose connection drops, and says "dropped" (not "could not reach") when it keeps dropping', async () => {
    let n = 0;
    handler = (req, res) => {
      if (++n <= 2) req.socket.destroy();
      else res.end('after the drops');
    };
    expect((await client().send({ method: 'GET', url: `${base}/api/x` })).text).toBe('after the drops');
    expect(seen).toHaveLength(3);
    expect(records.filter((r) => r.message === 'the connection dropped; retrying')).toHaveLength(2);
    seen.length = 0;
    handler = (req) => req.socket.destroy();
    const e = await failure(client().send({ method: 'GET', url: `${base}/api/x` }));
    expect(seen).toHaveLength(4);
    expect(e.error).toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/^The connection to 127\.0\.0\.1:\d+ dropped before it answered\.$/) });
    expect(e.error.message).not.toContain('could not reach');
  });

  it('repeats a PUT (it replaces: idempotent) but never a POST, PATCH or DELETE whose connection dropped', async () => {
    let n = 0;
    handler = (req, res) => (++n === 1 ? req.socket.destroy() : res.end('{}'));
    expect((await client().send({ method: 'PUT', url: `${base}/api/2.0/fs/files/Volumes/c/s/v/manifest.json?overwrite=true`, json: {} })).status).toBe(200);
    expect(seen).toHaveLength(2);
    handler = (req) => req.socket.destroy();
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      seen.length = 0;
      const e = await failure(client().send({ method, url: `${base}/api/2.0/accounts/servicePrincipals/1/credentials/secrets`, json: {} }));
      expect(seen).toHaveLength(1);
      expect(e.error).toMatchObject({ code: 'NETWORK', message: expect.stringContaining('dropped') });
    }
  });

  it('returns other statuses to the caller without retrying', async () => {
    handler = (_req, res) => res.writeHead(401).end('{"error_code":"UNAUTHENTICATED"}');
    const res = await client().send({ method: 'GET', url: `${base}/api/x` });
    expect([res.status, seen.length]).toEqual([401, 1]);
  });

  it('times out an attempt that hangs', async () => {
    handler = () => undefined;
    const e = await failure(client({ timeoutMs: 150 }).send({ method: 'GET', url: `${base}/api/hang` }));
    expect(e.error.code).toBe('TIMEOUT');
  });

  it('stops at once when the caller cancels, including during a backoff', async () => {
    const controller = new AbortController();
    // Cancelled once the first 429 (asking for a one-second wait) is on its way back: the client is in its backoff.
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '1' }).end(() => controller.abort());
    const e = await failure(client().send({ method: 'GET', url: `${base}/api/x`, signal: controller.signal }));
    expect(e.error.code).toBe('CANCELLED');
    expect(seen).toHaveLength(1);
  });

  it('reports an unreachable host as NETWORK', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const e = await failure(client().send({ method: 'GET', url: `http://127.0.0.1:${port}/` }));
    expect(e.error).toMatchObject({ code: 'NETWORK' });
    expect(e.error.message).toContain('could not reach 127.0.0.1');
  });

  it('trusts an extra CA for one trust only, and never skips verification', async () => {
    const tls = createTestTls();
    const https = createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('secure'));
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
    try {
      const untrusted = await failure(client().send({ method: 'GET', url }));
      expect(untrusted.error).toMatchObject({ code: 'NETWORK' });
      expect(untrusted.error.message).toMatch(/certificate of 127\.0\.0\.1:\d+ is not trusted/);
      expect(untrusted.error.hint).toContain('NODE_EXTRA_CA_CERTS');
      const trusted = await client({ trust: createTlsTrust(tls.caPem) }).send({ method: 'GET', url });
      expect(trusted.text).toBe('secure');
      const other = createTestTls();
      const wrongCa = await failure(client({ trust: createTlsTrust(other.caPem) }).send({ method: 'GET', url }));
      expect(wrongCa.error.code).toBe('NETWORK');
    } finally {
      https.closeAllConnections();
      await new Promise((r) => https.close(r));
    }
  });
});
