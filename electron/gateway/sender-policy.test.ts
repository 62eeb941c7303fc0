import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderInfo, type SenderPolicy } from './sender-policy';

const policy: SenderPolicy = { trustedIds: new Set([7]), origins: [{ protocol: 'app:', host: 'ucbridge' }] };
const good: SenderInfo = { id: 7, isMainFrame: true, url: 'app://ucbridge/index.html#/step/2' };

describe('isTrustedSender', () => {
  it('trusts the app window main frame', () => {
    expect(isTrustedSender(good, policy)).toBe(true);
  });

  it('trusts each listed origin exactly, host and port included (the harness and dev server)', () => {
    const dev: SenderPolicy = { trustedIds: new Set([7]), origins: [...policy.origins, { protocol: 'http:', host: '127.0.0.1:5173' }] };
    expect(isTrustedSender({ ...good, url: 'http://127.0.0.1:5173/' }, dev)).toBe(true);
    expect(isTrustedSender({ ...good, url: 'http://127.0.0.1:51730/' }, dev)).toBe(false);
    expect(isTrustedSender({ ...good, url: 'http://127.0.0.1:517/' }, dev)).toBe(false);
    expect(isTrustedSender({ ...good, url: 'http://127.0.0.1/' }, dev)).toBe(false);
    expect(isTrustedSender({ ...good, url: 'app://ucbridge/' }, dev)).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://ucbridge/' }, { ...dev, origins: [] })).toBe(false);
  });

  it.each([
    ['an unknown webContents id', { ...good, id: 8 }],
    ['a sub-frame', { ...good, isMainFrame: false }],
    ['a missing frame URL (null frame, Playwright)', { ...good, url: undefined }],
    ['about:blank (reload)', { ...good, url: 'about:blank' }],
    ['another scheme', { ...good, url: 'file:///index.html' }],
    ['another host', { ...good, url: 'app://evil/index.html' }],
    ['a remote page', { ...good, url: 'https://ucbridge/' }],
    ['garbage', { ...good, url: 'not a url' }],
    // Look-alikes that a prefix or "contains" comparison would let through.
    ['a look-alike host (prefix)', { ...good, url: 'app://ucbridge.evil/index.html' }],
    ['a look-alike host (suffix)', { ...good, url: 'app://evilucbridge/index.html' }],
    ['a host with a port', { ...good, url: 'app://ucbridge:8080/index.html' }],
    ['user-info before the host', { ...good, url: 'app://ucbridge@evil/index.html' }],
    ['a look-alike scheme', { ...good, url: 'apps://ucbridge/index.html' }],
    ['the trusted host in the path', { ...good, url: 'https://evil.example/app://ucbridge/' }],
  ])('drops %s', (_name, sender) => {
    expect(isTrustedSender(sender, policy)).toBe(false);
  });
});
