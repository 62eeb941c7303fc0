import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from './csp';

const directive = (name: string): string | undefined =>
  CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith(`${name} `));

describe('CONTENT_SECURITY_POLICY', () => {
  it.each([
    ['default-src', "default-src 'self'"],
    ['script-src', "script-src 'self'"],
    ['connect-src', "connect-src 'self'"],
    ['object-src', "object-src 'none'"],
    ['base-uri', "base-uri 'none'"],
    ['frame-ancestors', "frame-ancestors 'none'"],
    ['form-action', "form-action 'none'"],
    ['frame-src', "frame-src 'none'"],
  ])('sets %s', (name, expected) => {
    expect(directive(name)).toBe(expected);
  });

  it('allows no remote source, no eval and no inline script anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    for (const [name, values] of Object.entries(CSP_DIRECTIVES)) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('renderer/index.html carries the same policy as a meta fallback, without frame-ancestors (ignored there, and logged as an error)', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors '));
    expect(headerWithoutFrameAncestors.join('; ')).toBe(META_CONTENT_SECURITY_POLICY);
  });
});
