import { describe, expect, it } from 'vitest';
import { checkForm, EMPTY_FORM, newTaskId, switchSource, type SignInForm } from './form-state';

const form = (over: Partial<SignInForm>): SignInForm => ({ ...EMPTY_FORM, ...over });

describe('the Authenticate form', () => {
  it('builds a U2M request for a typed workspace, with the client id and redirect URLs as given', () => {
    expect(checkForm(form({ url: ' myco.cloud.databricks.com ', clientId: 'abc-123', redirectUris: 'http://localhost:8020/callback\n\n' }))).toEqual({
      ok: true,
      request: {
        workspace: { kind: 'url', url: 'myco.cloud.databricks.com' },
        auth: { method: 'oauth-u2m', clientId: 'abc-123', redirectUris: ['http://localhost:8020/callback'] },
        useProfileSecret: false,
      },
    });
  });

  it('explains a bad address, client id, redirect URL or account id inline', () => {
    const r = checkForm(form({ url: 'https://accounts.cloud.databricks.com', clientId: 'a b', redirectUris: 'https://localhost:1/x', accountId: 'nope' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.problems).sort()).toEqual(['accountId', 'clientId', 'redirectUris']);
    const bad = checkForm(form({ url: 'http://evil.example' }));
    expect(!bad.ok && bad.problems.url).toContain('not a Databricks workspace');
  });

  it('asks for the secret of M2M and PAT unless the user agreed to use the profile\'s', () => {
    expect(checkForm(form({ source: 'sandbox', method: 'oauth-m2m', clientId: 'sp' }))).toMatchObject({ ok: false, problems: { clientSecret: expect.any(String) } });
    expect(checkForm(form({ source: 'profile', profile: 'p', method: 'pat', useProfileSecret: true }), { profileKind: 'workspace', profileHasSecret: true })).toEqual({
      ok: true,
      request: { workspace: { kind: 'profile', name: 'p' }, auth: { method: 'pat' }, useProfileSecret: true },
    });
  });

  it('reads the federation token from a file or an environment variable', () => {
    expect(checkForm(form({ source: 'sandbox', method: 'token-federation', federationSource: 'env', federationValue: 'MY_TOKEN' }))).toMatchObject({
      ok: true,
      request: { auth: { method: 'token-federation', source: { kind: 'env', name: 'MY_TOKEN' } } },
    });
    expect(checkForm(form({ source: 'sandbox', method: 'token-federation', federationSource: 'env', federationValue: 'bad name' })).ok).toBe(false);
  });

  it('keeps each workspace choice to its own client id: one typed for an address never goes to the sandbox', () => {
    const typed = form({ url: 'myco.cloud.databricks.com', clientId: 'abc' });
    const sandbox = switchSource(typed, 'sandbox');
    expect(sandbox.clientId).toBe('');
    const check = checkForm({ ...sandbox, clientId: 'abc' });
    expect(check.ok && check.request.auth).toEqual({ method: 'oauth-u2m' });
    expect(switchSource(sandbox, 'url').clientId).toBe('abc');
  });

  it('makes task ids the contract accepts', () => {
    expect(newTaskId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
