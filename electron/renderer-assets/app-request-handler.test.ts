import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../window-policy/csp';
import { createAppRequestHandler } from './app-request-handler';

let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'ucb-app-proto-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<html></html>');
  await writeFile(join(base, 'renderer', 'assets', 'a.js'), 'x');
  await writeFile(join(base, 'secret.txt'), 'outside');
  handle = createAppRequestHandler(join(base, 'renderer'), 'ucbridge');
});

describe('createAppRequestHandler', () => {
  it('serves index.html and assets with the CSP header', async () => {
    const index = await handle(new Request('app://ucbridge/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const asset = await handle(new Request('app://ucbridge/assets/a.js'));
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(await asset.text()).toBe('x');
  });

  it.each([
    'app://ucbridge/%2e%2e/secret.txt',
    'app://ucbridge/assets/..%2f..%2fsecret.txt',
    'app://other/index.html',
    'app://ucbridge/missing.js',
  ])('answers 404 for %s', async (url) => {
    const res = await handle(new Request(url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside');
  });

  it('refuses other methods', async () => {
    expect((await handle(new Request('app://ucbridge/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
