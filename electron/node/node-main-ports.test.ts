import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserOpener } from '../ports';
import { createNodeMainPorts } from './node-main-ports';

const policy = () => ({ trustedIds: new Set<number>(), origins: [] });

describe('createNodeMainPorts', () => {
  it('lays out userData like the app: logs, state, secrets', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-ports-'));
    const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy });
    await ports.kv.set('settings', {});
    await ports.blobs.write('tokens.bin', new Uint8Array([1]));
    ports.logger.info('hello');
    await ports.logger.flush();
    expect((await readdir(userDataDir)).sort()).toEqual(['logs', 'secrets', 'state']);
    expect(await ports.cipher.status()).toEqual({ secure: true, backend: 'process-memory-key' });
  });

  it('guards the browser opener with the external URL allow-list', async () => {
    const opened: string[] = [];
    const browser: BrowserOpener = { open: async (url) => void opened.push(url) };
    const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-ports-'));
    const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy, browser });
    await expect(ports.browser.open('https://evil.example/')).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    const release = ports.externalUrls.allow('https://127.0.0.1:8443/oidc/v1/authorize');
    await ports.browser.open('https://127.0.0.1:8443/oidc/v1/authorize?state=s');
    release();
    await expect(ports.browser.open('https://127.0.0.1:8443/oidc/v1/authorize?state=s')).rejects.toThrow();
    expect(opened).toEqual(['https://127.0.0.1:8443/oidc/v1/authorize?state=s']);
  });
});
