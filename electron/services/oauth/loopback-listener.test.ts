import { networkInterfaces } from 'node:os';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { parseRedirectUri, type RedirectUri } from '../../../shared/domain/oauth-client';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { RESULT_PATH } from './callback-page';
import { freePort, rawGet } from './loopback.test-support';
import { startLoopbackListener, type LoopbackListener, type LoopbackOptions } from './loopback-listener';
import { failureOf } from '../../../test/failure-of';

const logger = createLogger({ level: 'error' });
const STATE = 'the-right-state-value-0123456789abcdef';
const open: LoopbackListener[] = [];

const uri = (s: string): RedirectUri => {
  const r = parseRedirectUri(s);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
};

async function listen(uris: readonly RedirectUri[], extra: Partial<LoopbackOptions> = {}): Promise<LoopbackListener> {
  const l = await startLoopbackListener({ redirectUris: uris, state: STATE, clock: systemClock, logger, lingerMs: 2000, ...extra });
  open.push(l);
  return l;
}

const refused = (port: number, host = '127.0.0.1') =>
  rawGet(`http://${host}:${port}/callback`).then(
    () => false,
    (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED',
  );

const hasIpv6Loopback = async (): Promise<boolean> => {
  const s = createServer();
  return new Promise((resolve) => {
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
};

/** A check this host cannot make: reported as skipped with the reason, and the reason printed in the run's output. */
const cannotRun = (ctx: TestContext, reason: string): never => {
  console.warn(`skipped "${ctx.task.name}": ${reason}`);
  return ctx.skip(reason);
};

afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

describe('loopback listener', () => {
  it('binds loopback only: 127.0.0.1 for an IP-literal URI', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/callback`)]);
    expect(l.boundTo).toEqual([`127.0.0.1:${port}`]);
  });

  it('is not reachable on the host’s external interface', async (ctx) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    // Says why, in the run's output, rather than passing without having checked anything.
    if (!external) return cannotRun(ctx, 'this host has no external IPv4 interface to try the listener on');
    const port = await freePort();
    await listen([uri(`http://127.0.0.1:${port}/callback`)]);
    expect(await refused(port, external.address)).toBe(true);
  });

  it('binds 127.0.0.1, and ::1 on the same port where the host has IPv6, when the URI says localhost', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://localhost:${port}/callback`)]);
    const v6 = await hasIpv6Loopback();
    expect(l.boundTo).toEqual(v6 ? [`127.0.0.1:${port}`, `[::1]:${port}`] : [`127.0.0.1:${port}`]);
  });

  it('answers on ::1 too for a localhost URI', async (ctx) => {
    if (!(await hasIpv6Loopback())) return cannotRun(ctx, 'this host has no IPv6 loopback (::1), so the browser cannot reach it there either');
    const port = await freePort();
    await listen([uri(`http://localhost:${port}/callback`)]);
    expect((await rawGet(`http://[::1]:${port}/callback?state=wrong`)).status).toBe(400);
  });

  it('accepts exactly one callback with the right state, redirects to a result page, then closes', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://localhost:${port}/callback`)]);
    const wrong = await rawGet(`http://127.0.0.1:${port}/callback?code=evil&state=wrong`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('different sign-in request');
    expect((await rawGet(`http://127.0.0.1:${port}/callback?code=evil`)).status).toBe(400);
    expect((await rawGet(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);

    const ok = await rawGet(`http://localhost:${port}/callback?code=the-code&state=${STATE}`);
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe(RESULT_PATH);
    expect(await l.code).toBe('the-code');
    expect((await rawGet(`http://127.0.0.1:${port}/callback?code=second&state=${STATE}`)).status).toBe(404);
    l.complete();

    const page = await rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in to ucbridge');
    expect(page.body).not.toContain('the-code');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    await l.closed;
    expect(await refused(port)).toBe(true);
  });

  it('turns access_denied into a consent-denied failure, shown on the result page with markup escaped', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    const r = await rawGet(`http://127.0.0.1:${port}/cb?error=access_denied&error_description=%3Cscript%3Ex%3C%2Fscript%3E&state=${STATE}`);
    expect(r.status).toBe(302);
    const error = await failureOf(l.code);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: 'Sign-in was declined in the browser.' });
    const page = await rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`);
    expect(page.body).toContain('Sign-in did not complete');
    expect(page.body).not.toContain('<script>');
  });

  it('says so on the result page when the code exchange then fails', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    await rawGet(`http://127.0.0.1:${port}/cb?code=c&state=${STATE}`);
    expect(await l.code).toBe('c');
    const page = rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`);
    setTimeout(() => l.complete({ code: 'AUTH_FAILED', message: 'The workspace did not accept the sign-in code.' }), 20);
    expect((await page).body).toContain('did not accept the sign-in code');
    await l.closed;
  });

  it('refuses an answer from another issuer (RFC 9207)', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)], { expectedIssuer: 'https://ws.example/oidc' });
    await rawGet(`http://127.0.0.1:${port}/cb?code=c&iss=https%3A%2F%2Fevil%2Foidc&state=${STATE}`);
    expect((await failureOf(l.code)).message).toContain('another issuer');
  });

  it('ignores requests for another Host (DNS rebinding) and other methods', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)], { timeoutMs: 400 });
    expect((await rawGet(`http://127.0.0.1:${port}/cb?code=c&state=${STATE}`, { host: 'evil.example' })).status).toBe(404);
    expect((await failureOf(l.code)).code).toBe('TIMEOUT');
  });

  it('times out, naming the redirect URLs to register, and closes', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)], { timeoutMs: 100 });
    const error = await failureOf(l.code);
    expect(error.code).toBe('TIMEOUT');
    expect(error.hint).toContain(`http://127.0.0.1:${port}/cb`);
    await l.closed;
    expect(await refused(port)).toBe(true);
  });

  it('is cancelled by its signal and closes', async () => {
    const port = await freePort();
    const controller = new AbortController();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)], { signal: controller.signal });
    controller.abort();
    expect((await failureOf(l.code)).code).toBe('CANCELLED');
    await l.closed;
    expect(await refused(port)).toBe(true);
  });

  it('tries the registered URIs in order, skipping busy ports, and says so when all are busy', async () => {
    const busy = createServer();
    const port1 = await freePort();
    await new Promise<void>((r) => busy.listen(port1, '127.0.0.1', r));
    try {
      const port2 = await freePort();
      const l = await listen([uri(`http://127.0.0.1:${port1}/cb`), uri(`http://127.0.0.1:${port2}/cb`)]);
      expect(l.redirectUri.port).toBe(port2);
      l.close();
      const error = await failureOf(listen([uri(`http://127.0.0.1:${port1}/cb`)]));
      expect(error).toMatchObject({ code: 'CONFLICT' });
      expect(error.message).toContain(`http://127.0.0.1:${port1}/cb`);
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});

describe('loopback listener, answers and ends', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** Whether the listener closed within `ms` (a lingering one stays up for its lingerMs, here a minute). */
  const closesWithin = (l: LoopbackListener, ms: number) => Promise.race([l.closed.then(() => true), sleep(ms).then(() => false)]);
  const request = (port: number, path: string, method: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { connection: 'close' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('names the workspace’s refusal with its error and description, keeping only plain characters, at most 200 of each', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    const description = encodeURIComponent(`bad <b>scope</b> "x" ${'d'.repeat(250)}`);
    const r = await rawGet(`http://127.0.0.1:${port}/cb?error=invalid_scope&error_description=${description}&state=${STATE}`);
    expect(r.status).toBe(302);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    const error = await failureOf(l.code);
    expect(error.message).toBe(`The workspace refused the sign-in request (invalid_scope: bad bscope/b x ${'d'.repeat(200 - 'bad bscope/b x '.length)}).`);
    const page = await rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`);
    expect(page.body).toContain('Sign-in did not complete');
    expect(page.body).toContain('that the app connection allows the all-apis and offline_access scopes.');
    expect(page.body).toContain('You can close this tab.');
  });

  it('names an error without a description alone, and an answer with neither code nor error as having no code', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    await rawGet(`http://127.0.0.1:${port}/cb?error=server_error&state=${STATE}`);
    expect((await failureOf(l.code)).message).toBe('The workspace refused the sign-in request (server_error).');
    for (const query of [`state=${STATE}`, `code=&state=${STATE}`]) {
      const p = await freePort();
      const m = await listen([uri(`http://127.0.0.1:${p}/cb`)]);
      await rawGet(`http://127.0.0.1:${p}/cb?${query}`);
      expect((await failureOf(m.code)).message).toBe('The workspace refused the sign-in request (the answer had no code).');
    }
  });

  it('takes the code when iss is the expected issuer, or when no issuer is expected', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)], { expectedIssuer: 'https://ws.example/oidc' });
    await rawGet(`http://127.0.0.1:${port}/cb?code=c1&iss=${encodeURIComponent('https://ws.example/oidc')}&state=${STATE}`);
    expect(await l.code).toBe('c1');
    const p = await freePort();
    const m = await listen([uri(`http://127.0.0.1:${p}/cb`)]);
    await rawGet(`http://127.0.0.1:${p}/cb?code=c2&iss=${encodeURIComponent('https://any.example')}&state=${STATE}`);
    expect(await m.code).toBe('c2');
  });

  it('turns away a missing state with the fix, other methods, and the result page before any answer', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    const noState = await rawGet(`http://127.0.0.1:${port}/cb?code=c`);
    expect(noState.status).toBe(400);
    expect(noState.body).toContain('Not the current sign-in');
    expect(noState.body).toContain('Close old sign-in tabs and start again.');
    expect(await request(port, `/cb?code=c&state=${STATE}`, 'POST')).toBe(404);
    expect((await rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`)).status).toBe(404);
    l.close();
    expect((await failureOf(l.code)).code).toBe('CANCELLED');
  });

  it('says the sign-in worked on the result page, and closes after the linger when the page is never fetched', async () => {
    const port = await freePort();
    const l = await listen([uri(`http://127.0.0.1:${port}/cb`)]);
    await rawGet(`http://127.0.0.1:${port}/cb?code=c&state=${STATE}`);
    l.complete();
    expect((await rawGet(`http://127.0.0.1:${port}${RESULT_PATH}`)).body).toContain('You can close this tab and return to ucbridge.');
    const p = await freePort();
    const m = await listen([uri(`http://127.0.0.1:${p}/cb`)], { lingerMs: 100 });
    await rawGet(`http://127.0.0.1:${p}/cb?code=c&state=${STATE}`);
    expect(await closesWithin(m, 5_000)).toBe(true);
  });

  it('closes at once on timeout, cancel, close() or a signal aborted before it started, not after the linger', async () => {
    const linger = { lingerMs: 60_000 };
    const timedOut = await listen([uri(`http://127.0.0.1:${await freePort()}/cb`)], { ...linger, timeoutMs: 50 });
    expect((await failureOf(timedOut.code)).code).toBe('TIMEOUT');
    expect(await closesWithin(timedOut, 2_000)).toBe(true);

    const controller = new AbortController();
    const cancelled = await listen([uri(`http://127.0.0.1:${await freePort()}/cb`)], { ...linger, signal: controller.signal });
    controller.abort();
    expect(await failureOf(cancelled.code)).toMatchObject({ code: 'CANCELLED', message: 'Sign-in was cancelled.' });
    expect(await closesWithin(cancelled, 2_000)).toBe(true);

    const closed = await listen([uri(`http://127.0.0.1:${await freePort()}/cb`)], linger);
    closed.close();
    expect(await failureOf(closed.code)).toMatchObject({ code: 'CANCELLED', message: 'Sign-in was cancelled.' });
    expect(await closesWithin(closed, 2_000)).toBe(true);

    const early = new AbortController();
    early.abort();
    const never = await listen([uri(`http://127.0.0.1:${await freePort()}/cb`)], { ...linger, signal: early.signal });
    expect((await failureOf(never.code)).code).toBe('CANCELLED');
    expect(await closesWithin(never, 2_000)).toBe(true);
  });

  it('sets its deadline from the clock, and logs each busy port it skips and where it listens', async () => {
    const records: { message: string; fields?: Record<string, unknown> }[] = [];
    const log = createLogger({ level: 'info', sinks: [(r) => void records.push(r)] });
    const busy = createServer();
    const port1 = await freePort();
    await new Promise<void>((r) => busy.listen(port1, '127.0.0.1', r));
    try {
      const port2 = await freePort();
      const clock = { now: () => 1_000_000, sleep: systemClock.sleep };
      const l = await listen([uri(`http://127.0.0.1:${port1}/cb`), uri(`http://127.0.0.1:${port2}/cb`)], { clock, logger: log, timeoutMs: 60_000 });
      expect(l.deadline).toBe(1_060_000);
      expect(records.map((r) => [r.message, r.fields])).toEqual([
        ['redirect port in use, trying the next registered one', { port: port1 }],
        ['loopback listener ready', { redirectUri: `http://127.0.0.1:${port2}/cb`, boundTo: [`127.0.0.1:${port2}`] }],
      ]);
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});
