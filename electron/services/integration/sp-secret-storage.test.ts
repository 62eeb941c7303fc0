import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { createBasicTextCipher } from '../../node';
import { allFileText } from '../session/session.test-support';
import { composedWithSandbox, sandboxSettings, type ComposedApp } from './integration.test-support';

/**
 * Issue 9, finding 11: creating a service principal says where its OAuth secret really is. With an OS keychain it
 * is saved there; without one (Linux `basic_text`) it lives in this process's memory only — it is gone when
 * ucbridge quits, and Databricks never shows a secret twice — so the payload with the secret must be exported while
 * the app still runs, and that export works from memory.
 */
let emulator: RunningEmulator;
const apps: ComposedApp[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ catalogSide: null, log: () => undefined });
});
afterAll(async () => {
  for (const app of apps) {
    await app.close();
    await rm(`${app.userDataDir}-exports`, { recursive: true, force: true });
  }
  await emulator.stop();
});

const settingsFor = (applicationId: string) => {
  const base = sandboxSettings(emulator, { governed: ['main'], mode: 'manual', servicePrincipal: { applicationId, displayName: 'UCBRIDGE_USER' } });
  return { ...base, config: { ...base.config, governedSchemas: { main: ['sales'] } }, servicePrincipal: { ...base.servicePrincipal, createdByUcbridge: true } };
};

describe('where a new service principal’s secret is', () => {
  it('in the OS keychain when there is one', async () => {
    const app = await composedWithSandbox(emulator);
    apps.push(app);
    expect(await app.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' })).toMatchObject({ ok: true, value: { secretInVault: true, secretStorage: 'keychain' } });
  });

  it('in memory only without a keychain: said so, nothing written, and the payload with the secret can be exported now', async () => {
    const app = await composedWithSandbox(emulator, undefined, { cipher: createBasicTextCipher() });
    apps.push(app);
    const created = await app.call('integration.createServicePrincipal', { displayName: 'UCBRIDGE_USER' });
    expect(created).toMatchObject({ ok: true, value: { secretInVault: true, secretStorage: 'memory-only' } });
    if (!created.ok) return;
    const appId: string = created.value.servicePrincipal.applicationId;
    const secret = (await app.spSecret(appId))?.clientSecret;
    expect(secret).toBeUndefined(); // a fresh vault over the same files finds nothing: it was never written
    expect(await app.call('integration.saveSettings', { settings: settingsFor(appId) })).toMatchObject({ ok: true, value: { settings: { servicePrincipal: { secretInVault: true } } } });
    const exported = await app.call('integration.exportPayload', { includeSecret: true });
    expect(exported).toMatchObject({ ok: true, value: { file: null, savedTo: expect.any(String) } });
    if (!exported.ok) return;
    const payload = JSON.parse(await readFile(exported.value.savedTo, 'utf8'));
    const clientSecret: string = payload.oAuthClientConfig.clientSecret;
    expect(clientSecret.length).toBeGreaterThan(16);
    expect(JSON.stringify([created, exported])).not.toContain(clientSecret);
    expect((await allFileText(app.userDataDir)).filter((f) => f.text.includes(clientSecret))).toEqual([]);
  });
});
