import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { BrowserOpener } from '../../ports';
import { testSession, type TestSession } from '../session/session.test-support';
import { readDirectory } from './scim-directory';
import { SCIM_PAGE } from './scim-pages';

/**
 * The directory reader against the sandbox: workspace SCIM when signed in to the workspace, account SCIM (with
 * externalId, reference unity-catalog-scim-rest.md §5.1; https://docs.databricks.com/api/account/users/list) when
 * signed in at account level; pages of at most 100 with an attributes projection; 429 + Retry-After answered by
 * backing off (the REST client's retry policy); only GETs, so nothing is ever created while reading.
 */
let emulator: RunningEmulator;
let dir: string;
const sessions: TestSession[] = [];
const noBrowser: BrowserOpener = { open: async () => undefined };

async function signedIn(auth: Record<string, unknown>): Promise<TestSession> {
  const t = await testSession({ dir: await mkdtemp(join(dir, 's-')), emulator, browser: noBrowser });
  sessions.push(t);
  await t.service.signIn({ taskId: `signin-dir-${sessions.length}`, workspace: { kind: 'sandbox' }, auth, useProfileSecret: false } as Parameters<TestSession['service']['signIn']>[0]);
  return t;
}

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-dir-'));
});
afterAll(async () => {
  for (const t of sessions) await t.service.dispose();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('readDirectory', () => {
  it('reads workspace SCIM without externalId, marking workspace-local groups', async () => {
    const t = await signedIn({ method: 'pat', token: emulator.users.find((u) => u.admin)!.token });
    const d = await readDirectory(t.service.requireConnection());
    expect(d.source).toBe('workspace');
    const zoe = d.principals.find((p) => p.name === 'zoe.muller@lakeside.example')!;
    expect(zoe).toMatchObject({ type: 'user', displayName: 'Zoë Müller', emails: ['zoe.muller@lakeside.example', 'analytics-team@lakeside.example'], active: true });
    expect(zoe.groups).toContain('data-analysts');
    expect(d.principals.some((p) => p.externalId !== undefined)).toBe(false);
    expect(d.principals.find((p) => p.name === 'admins')).toMatchObject({ type: 'group', accountGroup: false });
    expect(d.principals.find((p) => p.name === 'data-analysts')).toMatchObject({ type: 'group', accountGroup: true });
    const sp = emulator.servicePrincipals[1]!;
    expect(d.principals.find((p) => p.name === sp.applicationId)).toMatchObject({ type: 'servicePrincipal', displayName: 'bi-dashboards' });
    expect(d.principals.find((p) => p.name === 'tomas.novak@lakeside.example')!.active).toBe(false);
  });

  it('reads account SCIM with externalId when signed in at account level, paging 100 at a time through 429s', async () => {
    const sp = emulator.servicePrincipals.find((s) => s.admin)!;
    const t = await signedIn({ method: 'oauth-m2m', clientId: sp.applicationId, clientSecret: sp.clientSecret, accountId: emulator.accountId });
    const conn = t.service.requireConnection();
    // More users than one page holds.
    const admin = (await signedIn({ method: 'pat', token: emulator.users.find((u) => u.admin)!.token })).service.requireConnection();
    for (let i = 0; i < 120; i++) {
      await admin.rest.request({ method: 'POST', path: '/api/2.0/preview/scim/v2/Users', body: { userName: `reader${i}@lakeside.example`, externalId: `ext-${i}` }, schema: z.unknown() });
    }
    const mark = emulator.requestLog.mark();
    emulator.faults.set({ rate429: 0.3, retryAfterSeconds: 1, seed: 7 });
    const progress: number[] = [];
    let d;
    try {
      d = await readDirectory(conn, { onProgress: (p) => p.resource === 'Users' && progress.push(p.read) });
    } finally {
      emulator.faults.clear();
    }
    expect(d.source).toBe('account');
    expect(d.principals.find((p) => p.name === 'jose.nunez@lakeside.example')!.externalId).toBe('okta-00u1003');
    expect(d.principals.find((p) => p.name === 'reader119@lakeside.example')!.externalId).toBe('ext-119');
    expect(d.principals.find((p) => p.name === 'data-analysts')).toMatchObject({ externalId: 'okta-grp-2002', accountGroup: true });
    expect(d.principals.find((p) => p.name === 'admins')).toBeUndefined();
    const users = d.principals.filter((p) => p.type === 'user');
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const calls = emulator.requestLog.entries({ after: mark, pathPrefix: `/api/2.0/accounts/${emulator.accountId}/scim/v2/` });
    expect(calls.some((c) => c.status === 429)).toBe(true);
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
    for (const c of calls) {
      const query = new URLSearchParams(c.query);
      expect(Number(query.get('count'))).toBeLessThanOrEqual(SCIM_PAGE);
      expect(query.get('attributes')).toContain('externalId');
    }
    expect(calls.filter((c) => c.status === 200 && c.path.endsWith('/Users')).map((c) => new URLSearchParams(c.query).get('startIndex'))).toEqual(['1', '101']);
  });
});
