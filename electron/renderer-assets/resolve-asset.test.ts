import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAsset } from './resolve-asset';

const root = join('/srv', 'out', 'renderer');

describe('resolveAsset', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-Ab12.js', join('assets', 'index-Ab12.js')],
    ['/assets/font%20file.woff2', join('assets', 'font file.woff2')],
  ])('maps %s inside the root', (path, rel) => {
    expect(resolveAsset(root, path)).toBe(join(root, rel));
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '//etc/passwd/..',
    '/C:/Windows/win.ini',
    '/.env',
    '/assets/.hidden',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveAsset(root, path)).toBeUndefined();
  });

  it('keeps an encoded absolute path inside the root', () => {
    expect(resolveAsset(root, '/%2fetc%2fpasswd')).toBe(join(root, 'etc', 'passwd'));
  });
});
