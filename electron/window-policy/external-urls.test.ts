import { describe, expect, it } from 'vitest';
import type { BrowserOpener } from '../ports';
import { createExternalUrlAllowList, guardBrowserOpener, isExternalUrlAllowed } from './external-urls';

const SANDBOX_AUTHORIZE = 'https://127.0.0.1:8443/oidc/v1/authorize';

describe('isExternalUrlAllowed', () => {
  it.each([
    'https://docs.databricks.com/en/data-governance/unity-catalog/index.html',
    'https://learn.microsoft.com/en-us/azure/databricks/',
    'https://accounts.cloud.databricks.com/',
    'https://accounts.azuredatabricks.net/login',
    'https://accounts.gcp.databricks.com/',
    'https://DOCS.databricks.com/x',
  ])('allows %s', (url) => {
    expect(isExternalUrlAllowed(url, [])).toBe(true);
  });

  it.each([
    ['plain http', 'http://docs.databricks.com/'],
    ['a look-alike host', 'https://docs.databricks.com.evil.example/'],
    ['a subdomain', 'https://evil.docs.databricks.com/'],
    ['another port', 'https://docs.databricks.com:8443/'],
    ['user-info', 'https://user:pw@docs.databricks.com/'],
    ['a workspace (not registered)', 'https://adb-123.4.azuredatabricks.net/oidc/v1/authorize?x=1'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['garbage', 'not a url'],
    ['the sandbox authorize URL when not registered', `${SANDBOX_AUTHORIZE}?client_id=x`],
  ])('refuses %s', (_name, url) => {
    expect(isExternalUrlAllowed(url, [])).toBe(false);
  });

  it('allows a registered authorize endpoint with any query, and nothing else on that host', () => {
    const allow = [SANDBOX_AUTHORIZE];
    expect(isExternalUrlAllowed(`${SANDBOX_AUTHORIZE}?client_id=x&state=s&code_challenge=c`, allow)).toBe(true);
    expect(isExternalUrlAllowed('https://127.0.0.1:8443/oidc/v1/token', allow)).toBe(false);
    expect(isExternalUrlAllowed('https://127.0.0.1:9999/oidc/v1/authorize', allow)).toBe(false);
    expect(isExternalUrlAllowed('http://127.0.0.1:8443/oidc/v1/authorize', allow)).toBe(false);
  });
});

describe('createExternalUrlAllowList', () => {
  it('allows an endpoint only while it is registered', () => {
    const list = createExternalUrlAllowList();
    const url = `${SANDBOX_AUTHORIZE}?state=1`;
    const release = list.allow(`${SANDBOX_AUTHORIZE}?client_id=ucbridge`);
    expect(isExternalUrlAllowed(url, list.current())).toBe(true);
    release();
    release();
    expect(isExternalUrlAllowed(url, list.current())).toBe(false);
  });

  it('counts overlapping registrations', () => {
    const list = createExternalUrlAllowList();
    const a = list.allow(SANDBOX_AUTHORIZE);
    const b = list.allow(SANDBOX_AUTHORIZE);
    a();
    expect(isExternalUrlAllowed(SANDBOX_AUTHORIZE, list.current())).toBe(true);
    b();
    expect(list.current()).toEqual([]);
  });

  it('refuses to register anything but https', () => {
    expect(() => createExternalUrlAllowList().allow('http://127.0.0.1:8020/')).toThrow(/https/);
  });
});

describe('guardBrowserOpener', () => {
  it('opens allowed URLs and refuses the rest with FORBIDDEN', async () => {
    const opened: string[] = [];
    const opener: BrowserOpener = { open: async (url) => void opened.push(url) };
    const list = createExternalUrlAllowList();
    const guarded = guardBrowserOpener(opener, list);
    await guarded.open('https://docs.databricks.com/x');
    await expect(guarded.open('https://evil.example/')).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(guarded.open(`${SANDBOX_AUTHORIZE}?a=1`)).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    const release = list.allow(SANDBOX_AUTHORIZE);
    await guarded.open(`${SANDBOX_AUTHORIZE}?a=1`);
    release();
    expect(opened).toEqual(['https://docs.databricks.com/x', `${SANDBOX_AUTHORIZE}?a=1`]);
  });
});
