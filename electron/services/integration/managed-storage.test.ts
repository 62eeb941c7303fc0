import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, sandboxSettings, taskId, type ComposedApp, type Json } from './integration.test-support';

/**
 * Set-up on a metastore without root storage (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage),
 * through the handlers and the real driver: validation reads the metastore's storage_root and fails with the fix;
 * with a storageLocation the plan's CREATE CATALOG carries MANAGED LOCATION, and the sandbox (which refuses a bare
 * CREATE CATALOG there, as Databricks does) creates the catalog in it.
 */
let emulator: RunningEmulator;
let main: ComposedApp;

beforeAll(async () => {
  emulator = await startEmulator({ metastoreRootStorage: false, log: () => undefined });
  main = await composedWithSandbox(emulator);
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

const validate = async () => {
  const r = await main.call('integration.validate', { taskId: taskId('validate') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.tests.find((t: Json) => t.id === 'managed-storage');
};

describe('a metastore without root storage', () => {
  it('validation fails the managed storage test, saying how to fix it; the bare CREATE CATALOG is refused if applied anyway', async () => {
    expect(await main.call('integration.saveSettings', { settings: sandboxSettings(emulator, { governed: ['main'] }) })).toMatchObject({ ok: true });
    expect(await validate()).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('The metastore has no root storage'),
      fix: { kind: 'steps', steps: [expect.stringContaining('CREATE MANAGED STORAGE'), expect.stringContaining('account admin')] },
    });
    const plan = await main.call('integration.plan', { kind: 'setup' });
    if (!plan.ok) throw new Error(plan.error.message);
    const applied = await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash });
    expect(applied).toMatchObject({ ok: true, value: { failure: { stepId: 'catalog', message: expect.stringContaining('Metastore storage root URL does not exist') } } });
  });

  it('with a managed storage location: validation passes, the plan creates the catalog there, and the set-up converges', async () => {
    const location = "s3://ucb-external/integration/it's";
    expect(await main.call('integration.saveSettings', { settings: sandboxSettings(emulator, { governed: ['main'], storageLocation: location }) })).toMatchObject({ ok: true });
    expect(await validate()).toMatchObject({ status: 'passed', reason: expect.stringContaining(location) });
    const plan = await main.call('integration.plan', { kind: 'setup' });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.steps[0].sql).toMatch(/^CREATE CATALOG IF NOT EXISTS `ucbridge` MANAGED LOCATION 's3:\/\/ucb-external\/integration\/it\\'s' COMMENT /);
    expect(await main.call('integration.apply', { taskId: taskId('apply'), kind: 'setup', planHash: plan.value.hash })).toMatchObject({ ok: true, value: { failed: 0 } });
    const info = await main.app.session.requireConnection().rest.request({ method: 'GET', path: '/api/2.1/unity-catalog/catalogs/ucbridge', schema: z.object({ storage_root: z.string() }) });
    expect(info.storage_root).toBe(location);
    // Once the catalog exists, it is not created again, so the test passes whatever the location says.
    expect(await main.call('integration.saveSettings', { settings: sandboxSettings(emulator, { governed: ['main'] }) })).toMatchObject({ ok: true });
    expect(await validate()).toMatchObject({ status: 'passed', reason: expect.stringContaining('not created again') });
  });
});

