import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start';
import { clientCredentialsToken, sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';

let emu: RunningEmulator;
let f: SandboxFetch;
let pat: string;
/** The early-expiry fault's clock: moved by the test instead of sleeping past an expiry. */
let now = Date.now();
const ME = '/api/2.0/preview/scim/v2/Me';

beforeAll(async () => {
  // Starts with a spec, as `--faults` would pass it; every test then switches faults at runtime.
  emu = await startEmulator({ faults: 'latency=0,retryAfter=3', catalogSide: null, log: () => undefined, earlyExpiryClock: () => now });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  pat = emu.users[0]?.token ?? '';
});
afterEach(() => emu.faults.clear());
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const sp = () => {
  const s = emu.servicePrincipals[0];
  return { applicationId: s?.applicationId ?? '', clientSecret: s?.clientSecret ?? '' };
};

describe('faults observed by a client', () => {
  it('adds latency', async () => {
    emu.faults.set({ latencyMs: 150 });
    const started = Date.now();
    expect((await f(ME, { token: pat })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 429 REQUEST_LIMIT_EXCEEDED with Retry-After seconds', async () => {
    emu.faults.configure('rate429=1,retryAfter=3');
    const res = await f(ME, { token: pat });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
  });

  it('answers 503 TEMPORARILY_UNAVAILABLE on REST, token and SQL calls alike, but not discovery', async () => {
    emu.faults.configure('rate503=1');
    const rest = await f(ME, { token: pat });
    expect(rest.status).toBe(503);
    expect(await rest.json()).toMatchObject({ error_code: 'TEMPORARILY_UNAVAILABLE' });
    await expect(clientCredentialsToken(f, sp())).rejects.toThrow(/503/u);
    expect((await f(emu.warehouses[0]?.httpPath ?? '', { method: 'POST', token: pat, body: 'x' })).status).toBe(503);
    expect((await f('/oidc/.well-known/oauth-authorization-server')).status).toBe(200);
  });

  it('mixes 429 and 503 in the configured proportions', async () => {
    emu.faults.configure('rate429=0.3,rate503=0.1,seed=11');
    // Ten at a time: 200 at once opened 200 TLS connections to a sandbox in this same process, and on a loaded machine
    // their handshakes outlasted the client's 10 s connect timeout (the shares are what this test is about).
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) statuses.push(...(await Promise.all(Array.from({ length: 10 }, async () => (await f(ME, { token: pat })).status))));
    const share = (s: number) => statuses.filter((x) => x === s).length / statuses.length;
    expect(share(429)).toBeGreaterThan(0.2);
    expect(share(429)).toBeLessThan(0.4);
    expect(share(503)).toBeGreaterThan(0.04);
    expect(share(503)).toBeLessThan(0.17);
    expect(emu.faults.counters.rateLimited).toBeGreaterThan(0);
  });

  it('resets the connection after N requests', async () => {
    emu.faults.configure('resetAfter=2');
    expect((await f(ME, { token: pat })).status).toBe(200);
    expect((await f(ME, { token: pat })).status).toBe(200);
    await expect(f(ME, { token: pat })).rejects.toThrow();
    expect((await f(ME, { token: pat })).status).toBe(200);
    expect(emu.requestLog.entries({ pathPrefix: ME, status: 0 }).length).toBeGreaterThanOrEqual(1);
  });

  it('expires OAuth access tokens early, leaving PATs alone', async () => {
    const token = await clientCredentialsToken(f, sp());
    emu.faults.set({ earlyExpirySeconds: 1 });
    now += 999;
    expect((await f(ME, { token })).status).toBe(200);
    now += 1;
    const res = await f(ME, { token });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 'UNAUTHENTICATED', message: 'Token is expired.' });
    expect((await f(ME, { token: pat })).status).toBe(200);
  });

  it('holds API, token and SQL requests while the gate is closed, and lets them all go on when it opens', async () => {
    emu.faults.gate.close();
    const answers = [f(ME, { token: pat }), clientCredentialsToken(f, sp()), f(emu.warehouses[0]?.httpPath ?? '', { method: 'POST', token: pat, body: 'x' })];
    await emu.faults.gate.holding(3);
    expect((await f('/oidc/.well-known/oauth-authorization-server')).status).toBe(200); // discovery is never held
    const settled: number[] = [];
    answers.forEach((a, i) => void a.then(() => settled.push(i)));
    expect(settled).toEqual([]);
    emu.faults.gate.open();
    const [me, token] = await Promise.all(answers);
    expect((me as Response).status).toBe(200);
    expect(token).toEqual(expect.any(String));
    expect(emu.faults.gate.waiting).toBe(0);
  });

  it('revokes every OAuth token at once; new tokens work', async () => {
    const before = await clientCredentialsToken(f, sp());
    emu.faults.revokeAllTokens();
    expect((await f(ME, { token: before })).status).toBe(401);
    const after = await clientCredentialsToken(f, sp());
    expect((await f(ME, { token: after })).status).toBe(200);
    expect((await f(ME, { token: pat })).status).toBe(200);
  });
});
