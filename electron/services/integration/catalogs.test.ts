import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { composedWithSandbox, type ComposedApp } from './integration.test-support';

/**
 * integration.listCatalogs on the sandbox's demo metastore: the suggestions of step 2's catalog fields.
 * Databricks: "If the caller is the metastore admin, all catalogs will be retrieved. Otherwise, only catalogs owned
 * by the caller (or for which the caller has the USE_CATALOG privilege) will be retrieved", and pages may be empty
 * while still carrying a next_page_token (https://docs.databricks.com/api/workspace/catalogs/list).
 */
let emulator: RunningEmulator;
const apps: ComposedApp[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await emulator.stop();
});

async function signedInAs(who?: string): Promise<ComposedApp> {
  const app = await composedWithSandbox(emulator, who);
  apps.push(app);
  return app;
}

describe('integration.listCatalogs', () => {
  it('offers the metastore admin every catalog, by name with its comment, but not the system catalog', async () => {
    const main = await signedInAs();
    const r = await main.call('integration.listCatalogs');
    expect(r.ok).toBe(true);
    const names = r.ok ? (r.value as unknown as { name: string }[]).map((c) => c.name) : [];
    expect(names).toEqual(['analytics', 'finance', 'hr', 'main', 'raw']);
    expect(r.ok && r.value).toContainEqual({ name: 'finance', comment: 'Finance and accounting' });
  });

  it('offers a user the catalogs they may use (USE CATALOG through their group), not one only the engineers use', async () => {
    const analyst = await signedInAs('jose.nunez@lakeside.example');
    const r = await analyst.call('integration.listCatalogs');
    const names = r.ok ? (r.value as unknown as { name: string }[]).map((c) => c.name) : [];
    expect(names).toEqual(expect.arrayContaining(['finance', 'hr', 'main']));
    expect(names).not.toContain('raw');
  });

  it('reads every page, through empty pages that still carry a token', async () => {
    emulator.faults.set({ pageSize: 1, emptyPages: 1 });
    try {
      const main = await signedInAs();
      const r = await main.call('integration.listCatalogs');
      expect(r.ok && (r.value as unknown as { name: string }[]).map((c) => c.name)).toEqual(['analytics', 'finance', 'hr', 'main', 'raw']);
    } finally {
      emulator.faults.clear();
    }
  });
});
