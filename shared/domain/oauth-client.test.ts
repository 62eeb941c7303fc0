import { describe, expect, it } from 'vitest';
import { appConnectionGuide } from './app-connection-guide';
import { DEFAULT_REDIRECT_URIS, isValidClientId, parseRedirectUri, parseRedirectUris } from './oauth-client';

describe('redirect URIs', () => {
  it('accepts the defaults, keeping each exactly as registered', () => {
    const r = parseRedirectUris(DEFAULT_REDIRECT_URIS);
    expect(r.ok && r.value.map((u) => [u.uri, u.hostname, u.port, u.path])).toEqual([
      ['http://localhost:8020/callback', 'localhost', 8020, '/callback'],
      ['http://localhost:8021/callback', 'localhost', 8021, '/callback'],
      ['http://localhost:8022/callback', 'localhost', 8022, '/callback'],
    ]);
  });

  it('keeps a URI without a path as typed (Databricks compares the string)', () => {
    const r = parseRedirectUri('http://127.0.0.1:8030');
    expect(r.ok && r.value).toEqual({ uri: 'http://127.0.0.1:8030', hostname: '127.0.0.1', port: 8030, path: '/' });
  });

  it.each([
    'https://localhost:8020/callback',
    'http://example.com:8020/callback',
    'http://0.0.0.0:8020/callback',
    'http://localhost/callback',
    'http://localhost:80/callback',
    'http://localhost:8020/callback?x=1',
    'http://localhost:8020/callback#x',
    'http://u:p@localhost:8020/callback',
    'not a url',
    '',
  ])('refuses %j', (input) => expect(parseRedirectUri(input).ok).toBe(false));

  it('refuses duplicates, none, and too many', () => {
    expect(parseRedirectUris([]).ok).toBe(false);
    expect(parseRedirectUris(['http://localhost:8020/cb', 'http://localhost:8020/cb']).ok).toBe(false);
    expect(parseRedirectUris(Array.from({ length: 6 }, (_, i) => `http://localhost:${8020 + i}/cb`)).ok).toBe(false);
  });
});

describe('client ids', () => {
  it('accepts UUIDs and published names, refuses anything that could inject', () => {
    expect(isValidClientId('0d26daa6-5e44-4c97-a497-ef015f91254a')).toBe(true);
    expect(isValidClientId('databricks-cli')).toBe(true);
    for (const bad of ['', ' x', 'a&b=c', 'a b', 'x'.repeat(201), '../x']) expect(isValidClientId(bad)).toBe(false);
  });
});

describe('the app connection guide', () => {
  it('lists the exact redirect URLs to paste', () => {
    const steps = appConnectionGuide(DEFAULT_REDIRECT_URIS);
    expect(steps.find((s) => s.title.includes('redirect'))?.copy).toEqual(DEFAULT_REDIRECT_URIS);
    expect(steps.map((s) => s.title).join(' ')).toMatch(/client id/i);
  });
});
