import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import type { ComposedApp } from '../../integration/integration.test-support';
import { taskId } from '../../integration/integration.test-support';
import { quoteName } from '../../../../shared/sql/quote';
import { adminSql, appWithIntegration } from '../../policies/policies.test-support';

/** Registration into the integration catalog's registry, on the sandbox (step 2 applied first), through the gateway. */
let emulator: RunningEmulator;
let main: ComposedApp;

/**
 * A table name with a quote, a backtick, a double quote, a hyphen and a non-ASCII letter: names may hold anything but
 * periods, spaces, slashes and control characters (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-names),
 * and the registry MERGE must carry it as data.
 */
const HOSTILE = "we'ird`na\"me-ü";

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
  await adminSql(main, emulator, `CREATE TABLE ${quoteName('main', 'sales', HOSTILE)} (id INT)`);
});
afterAll(async () => {
  await main.close();
  await emulator.stop();
});

const value = async (channel: string, input: unknown = {}) => {
  const r = await main.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const registry = () => adminSql(main, emulator, 'SELECT full_name, object_type, active, fingerprint FROM ucbridge.registry.registered_objects ORDER BY full_name');
const register = async () => {
  const preview = await value('metadata.registrationPlan');
  return { preview, summary: await value('metadata.register', { taskId: taskId('register'), planHash: preview.plan.hash }) };
};

describe('registration', () => {
  it('plans inserts first, registers idempotently, and records the crawl', async () => {
    await value('metadata.crawl', { taskId: taskId('crawl'), mode: 'full' });
    await value('metadata.saveRules', { rules: { include: ['main.sales.*', 'hr.people'], exclude: ['main.sales.returns'], defaultActive: false, activate: ['main'], deactivate: ['main.sales.stores'] } });
    const { preview, summary } = await register();
    expect(preview).toMatchObject({ updates: 0, deletes: 0 });
    expect(preview.plan.steps.map((s: { id: string }) => s.id)).toEqual(['register:insert:1', 'register:crawl-run']);
    expect(preview.plan.steps[0].sql).toMatch(/^MERGE INTO `ucbridge`\.`registry`\.`registered_objects`/);
    expect(summary).toMatchObject({ failed: 0, ran: 2 });
    const rows = await registry();
    expect(rows).toHaveLength(preview.inserts);
    expect(rows).toContainEqual(expect.objectContaining({ full_name: 'main.sales.orders', object_type: 'TABLE', active: true }));
    expect(rows).toContainEqual(expect.objectContaining({ full_name: 'main.sales', object_type: 'SCHEMA', active: true }));
    expect(rows).toContainEqual(expect.objectContaining({ full_name: 'main.sales.stores', active: false }));
    expect(rows).toContainEqual(expect.objectContaining({ full_name: `main.sales.${HOSTILE}`, object_type: 'TABLE', active: true }));
    // hr is inactive by default, and so is everything under it (forceRecursiveCrawl).
    expect(rows.filter((r) => String(r.full_name).startsWith('hr')).every((r) => r.active === false)).toBe(true);
    expect(rows.some((r) => r.full_name === 'main.sales.returns')).toBe(false);
    expect(String(rows.find((r) => r.full_name === 'main.sales.orders')!.fingerprint)).toMatch(/^c:[0-9a-f]{32};t:[0-9a-f]{32}$/);
    expect(await adminSql(main, emulator, 'SELECT count(*) AS n FROM ucbridge.registry.crawl_runs')).toEqual([{ n: 1 }]);
    // Again: nothing to insert, update or delete, and the crawl run is already recorded.
    const again = await register();
    expect(again.preview).toMatchObject({ inserts: 0, updates: 0, deletes: 0 });
    expect(again.summary).toMatchObject({ ran: 0, skipped: 1, failed: 0 });
    expect(await registry()).toEqual(rows);
  });

  it('follows the rules and the metastore: updates states, removes what was dropped or deselected', async () => {
    await value('metadata.saveRules', { rules: { include: ['main.sales.*', 'hr.people'], exclude: ['main.sales.returns', 'hr.people.employees'], defaultActive: true } });
    await adminSql(main, emulator, 'DROP TABLE main.sales.shipments');
    await value('metadata.crawl', { taskId: taskId('crawl') });
    const { preview, summary } = await register();
    expect(preview).toMatchObject({ inserts: 0, deletes: 2 });
    expect(preview.updates).toBeGreaterThan(0);
    expect(summary.failed).toBe(0);
    const rows = await registry();
    expect(rows.every((r) => r.active === true)).toBe(true);
    expect(rows.some((r) => r.full_name === 'main.sales.shipments' || r.full_name === 'hr.people.employees')).toBe(false);
    expect(await adminSql(main, emulator, 'SELECT count(*) AS n FROM ucbridge.registry.crawl_runs')).toEqual([{ n: 2 }]);
  });

  it('refuses a plan that changed since it was previewed', async () => {
    const preview = await value('metadata.registrationPlan');
    await value('metadata.saveRules', { rules: { include: ['raw'] } });
    const r = await main.call('metadata.register', { taskId: taskId('register'), planHash: preview.plan.hash });
    expect(!r.ok && r.error.code).toBe('CONFLICT');
  });

  it("exports seed 002's connection payload with the rules' defaults and no secret", async () => {
    await value('metadata.saveRules', { rules: { include: ['main'], defaultActive: false, forceRecursiveCrawl: true } });
    const file = await value('metadata.exportConnection', { connectionKey: 'lakeside-uc' });
    const payload = JSON.parse(file.content);
    expect(file.name).toBe('connection.json');
    expect(payload).toMatchObject({
      connectionKey: 'lakeside-uc',
      connection: { technology: 'Databricks', port: 443, httpPath: emulator.warehouses[0]!.httpPath, authenticationType: 'oAuthM2M' },
      settings: { isActive: false },
      options: { forceRecursiveCrawl: true },
      nativeIntegration: { type: 'Databricks', unityCatalog: true, config: { catalog: 'ucbridge', audit: { enabled: false } } },
    });
    expect(file.content).not.toMatch(/clientSecret|"token"|dapi/i);
    const bad = await main.call('metadata.exportConnection', { connectionKey: 'has spaces' });
    expect(!bad.ok && bad.error.code).toBe('BAD_REQUEST');
  });
});
