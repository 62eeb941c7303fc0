import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging';
import type { KeyValueStore } from '../../ports';
import type { ProcessCaTrust } from '../http/process-ca-trust';
import { createTestTls } from '../http/self-signed.test-support';
import { CA_TRUST_KEY, createCaTrustSettings } from './ca-trust-settings';

const ca = createTestTls().caPem.trim();
let dir: string;
let caPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-ca-setting-'));
  caPath = join(dir, 'company-ca.pem');
  await writeFile(caPath, ca);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function memoryKv(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get: async (k) => data.get(k),
    set: async (k, v) => void data.set(k, v),
    delete: async (k) => void data.delete(k),
    keys: async () => [...data.keys()],
  };
}

/** Records what would become the process trust, as on Electron 45 (OS store read, 3 system CAs). */
function recorder() {
  const applied: (readonly string[])[] = [];
  const apply = (file: readonly string[]): ProcessCaTrust => {
    applied.push(file);
    return { processWide: true, fileCertificates: file, assembly: { certificates: [...file], system: 3, bundled: 0, extra: 0, file: file.length } };
  };
  return { applied, apply };
}
const logger = createLogger({ sinks: [] });

describe('the CA certificate file setting', () => {
  it('starts with the OS store and no file', async () => {
    const { applied, apply } = recorder();
    const settings = createCaTrustSettings({ kv: memoryKv(), logger, apply });
    expect(await settings.load()).toEqual({ caCertFile: null, fileCertificates: 0, systemStore: 'used' });
    expect(applied).toEqual([[]]);
  });

  it('is checked, stored and applied; survives a restart; null removes it', async () => {
    const kv = memoryKv();
    const { applied, apply } = recorder();
    const settings = createCaTrustSettings({ kv, logger, apply });
    await settings.load();
    expect(await settings.setFile(caPath)).toEqual({ caCertFile: caPath, fileCertificates: 1, systemStore: 'used' });
    expect(await kv.get(CA_TRUST_KEY)).toEqual({ caCertFile: caPath });
    expect(applied.at(-1)).toEqual([ca]);

    const restarted = recorder();
    expect(await createCaTrustSettings({ kv, logger, apply: restarted.apply }).load()).toMatchObject({ caCertFile: caPath, fileCertificates: 1 });
    expect(restarted.applied).toEqual([[ca]]);

    expect(await settings.setFile(null)).toMatchObject({ caCertFile: null, fileCertificates: 0 });
    expect(applied.at(-1)).toEqual([]);
  });

  it('a file that cannot be used changes nothing', async () => {
    const kv = memoryKv();
    const { applied, apply } = recorder();
    const settings = createCaTrustSettings({ kv, logger, apply });
    await settings.load();
    await settings.setFile(caPath);
    await expect(settings.setFile(join(dir, 'nope.pem'))).rejects.toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(settings.status()).toMatchObject({ caCertFile: caPath, fileCertificates: 1 });
    expect(await kv.get(CA_TRUST_KEY)).toEqual({ caCertFile: caPath });
    expect(applied).toHaveLength(2);
  });

  it('a stored file gone missing by the next start is reported, and the app still starts with the OS store', async () => {
    const kv = memoryKv({ [CA_TRUST_KEY]: { caCertFile: join(dir, 'moved-away.pem') } });
    const { applied, apply } = recorder();
    const status = await createCaTrustSettings({ kv, logger, apply }).load();
    expect(status).toMatchObject({ fileCertificates: 0, systemStore: 'used', problem: expect.stringContaining('There is no file at') });
    expect(applied).toEqual([[]]);
  });
});
