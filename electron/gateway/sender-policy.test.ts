import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderInfo, type SenderPolicy } from './sender-policy';

const policy: SenderPolicy = { trustedIds: new Set([7]), origins: [{ protocol: 'app:', host: 'ucbridge' }] };
const good: SenderInfo = { id: 7, isMainFrame: true, url: 'app://ucbridge/index.html#/step/2' };

describe('isTrustedSender', () => {
  it('trusts the app window main frame', () => {
    expect(isTrustedSender(good, policy)).toBe(true);
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
  ])('drops %s', (_name, sender) => {
    expect(isTrustedSender(sender, policy)).toBe(false);
  });
});
