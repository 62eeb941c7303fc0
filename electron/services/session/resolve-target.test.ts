import { describe, expect, it } from 'vitest';
import type { RecentWorkspace } from '../../../shared/contract/auth';
import { refusalOf as refusal } from '../../../test/failure-of';
import { parseDatabricksCfg } from './databrickscfg';
import { resolveTarget, type ResolveInput } from './resolve-target';
import type { SandboxDetails } from './sandbox-launcher';

const profiles = parseDatabricksCfg(`[pat]
host = https://myco.cloud.databricks.com
token = dapi-profile-token-000000
[acct]
host = https://accounts.cloud.databricks.com
account_id = 0d26daa6-5e44-4c97-a497-ef015f91254a
client_id = app-1
`);
const sandbox: SandboxDetails = {
  url: 'https://127.0.0.1:8443',
  caPem: 'pem',
  accountId: 'a',
  clientId: 'ucbridge-desktop',
  redirectUris: ['http://localhost:8020/callback'],
  demoUsers: [],
};
const recent: RecentWorkspace = {
  url: 'https://adb-1.2.azuredatabricks.net',
  label: 'adb',
  kind: 'workspace',
  method: 'oauth-u2m',
  clientId: 'recent-app',
  redirectUris: ['http://127.0.0.1:9000/cb'],
  lastUsedAt: 1,
};
const input = (over: Partial<ResolveInput>): ResolveInput => ({
  workspace: { kind: 'url', url: 'https://adb-1.2.azuredatabricks.net' },
  auth: { method: 'oauth-u2m' },
  useProfileSecret: false,
  profiles,
  recent: (url) => (url === recent.url ? recent : undefined),
  ...over,
});
describe('resolveTarget', () => {
  it('fills U2M settings from the recent entry for that workspace', () => {
    const t = resolveTarget(input({}));
    expect(t.auth).toMatchObject({ method: 'oauth-u2m', clientId: 'recent-app', redirectUris: [{ uri: 'http://127.0.0.1:9000/cb', port: 9000 }] });
  });

  it('fills the sandbox app connection and trusts it only through the sandbox choice', () => {
    const t = resolveTarget(input({ workspace: { kind: 'sandbox' }, sandbox }));
    expect(t).toMatchObject({ label: 'Local sandbox', address: { kind: 'sandbox', url: sandbox.url }, sandbox, auth: { clientId: 'ucbridge-desktop' } });
    expect(resolveTarget(input({ workspace: { kind: 'url', url: sandbox.url }, auth: { method: 'oauth-u2m', clientId: 'x' } })).sandbox).toBeUndefined();
  });

  it("uses the sandbox's own app connection, whatever client id was typed for another workspace choice", () => {
    const t = resolveTarget(input({ workspace: { kind: 'sandbox' }, sandbox, auth: { method: 'oauth-u2m', clientId: 'abc', redirectUris: ['http://localhost:9999/x'] } }));
    expect(t.auth).toMatchObject({ clientId: 'ucbridge-desktop', redirectUris: [{ uri: 'http://localhost:8020/callback', port: 8020 }] });
  });

  it('a typed or recent loopback address of the running sandbox is that sandbox (its certificate trusted, its app connection)', () => {
    const t = resolveTarget(input({ workspace: { kind: 'url', url: sandbox.url }, sandbox, auth: { method: 'oauth-u2m', clientId: 'abc' } }));
    expect(t).toMatchObject({ label: 'Local sandbox', sandbox, auth: { clientId: 'ucbridge-desktop' } });
    const elsewhere = resolveTarget(input({ workspace: { kind: 'url', url: 'https://127.0.0.1:9443' }, sandbox, auth: { method: 'oauth-u2m', clientId: 'abc' } }));
    expect(elsewhere.sandbox).toBeUndefined();
  });

  it('uses a profile secret only with consent, and says how to give it', () => {
    const refused = refusal(() => resolveTarget(input({ workspace: { kind: 'profile', name: 'pat' }, auth: { method: 'pat' } })));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'Enter the personal access token.', hint: expect.stringContaining('profile "pat"') });
    expect(JSON.stringify(refused)).not.toContain('dapi-profile-token');
    expect(resolveTarget(input({ workspace: { kind: 'profile', name: 'pat' }, auth: { method: 'pat' }, useProfileSecret: true })).auth).toEqual({ method: 'pat', token: 'dapi-profile-token-000000' });
  });

  it('requires a valid account id for the account console and refuses one for a workspace', () => {
    expect(resolveTarget(input({ workspace: { kind: 'profile', name: 'acct' } }))).toMatchObject({ accountId: '0d26daa6-5e44-4c97-a497-ef015f91254a', auth: { clientId: 'app-1' } });
    expect(refusal(() => resolveTarget(input({ workspace: { kind: 'url', url: 'https://accounts.azuredatabricks.net' }, auth: { method: 'oauth-u2m', clientId: 'x' } })))).toMatchObject({
      message: 'Account-level sign-in needs the account id.',
    });
    expect(refusal(() => resolveTarget(input({ auth: { method: 'oauth-u2m', clientId: 'x', accountId: 'not-a-uuid' } })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refusal(() => resolveTarget(input({ auth: { method: 'oauth-u2m', clientId: 'x', accountId: '0d26daa6-5e44-4c97-a497-ef015f91254a' } })))).toMatchObject({
      message: 'An account id is only used when signing in to the account console.',
    });
  });

  it('refuses hostile addresses and unknown profiles with a message, never an exception', () => {
    expect(refusal(() => resolveTarget(input({ workspace: { kind: 'url', url: 'https://myco.cloud.databricks.com@evil.example' } })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refusal(() => resolveTarget(input({ workspace: { kind: 'profile', name: '../../etc/passwd' } })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refusal(() => resolveTarget(input({ workspace: { kind: 'url', url: 'https://myco.cloud.databricks.com' }, auth: { method: 'oauth-u2m', redirectUris: ['https://x:1/'] , clientId: 'a'} })))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('http://'),
    });
  });
});
