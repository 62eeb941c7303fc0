import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { schemaNames } from '../integration/governed-schemas';
import { catalogBindings, catalogTags, effectivePrivileges, metastoreSummary, systemSchemaStates, userSchemas } from '../integration/validation/uc-lookups';
import { listWarehouses } from '../integration/warehouses';
import type { BrowserOpener } from '../../ports';
import { testSession, type TestSession } from '../session/session.test-support';
import type { RestClient, WorkspaceConnection } from './types';

/**
 * Every list the app reads, on the sandbox told to page one item at a time with an empty page carrying a token
 * before each (`--faults pageSize=1,emptyPages=1`): each returns exactly what it returns unfaulted. The Unity
 * Catalog list pages document both (https://docs.databricks.com/api/workspace/schemas/list: "a page may contain
 * zero results while still providing a next_page_token"). A list added later without the pager fails
 * paged-list.test.ts (no other source handles page tokens).
 */
let emulator: RunningEmulator;
let t: TestSession;
let conn: WorkspaceConnection;
let dir: string;
const noBrowser: BrowserOpener = { open: async () => undefined };

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-pages-'));
  t = await testSession({ dir, emulator, browser: noBrowser });
  const admin = emulator.users.find((u) => u.admin)!;
  await t.service.signIn({ taskId: 'signin-pages-01', workspace: { kind: 'sandbox' }, auth: { method: 'pat', token: admin.token }, useProfileSecret: false });
  conn = t.service.requireConnection();
  const session = await conn.sql(emulator.warehouses[0]!.httpPath);
  try {
    // Enough of everything that one-item pages mean many pages.
    await session.execute("ALTER CATALOG `main` SET TAGS ('tier' = 'gold', 'owner_team' = 'data', 'region' = 'eu')");
  } finally {
    await session.close();
  }
  const workspaces = [{ workspace_id: Number(emulator.workspaceId), binding_type: 'BINDING_TYPE_READ_WRITE' }, { workspace_id: 42, binding_type: 'BINDING_TYPE_READ_ONLY' }];
  await conn.rest.request({ method: 'PATCH', path: '/api/2.1/unity-catalog/bindings/catalog/main', body: { add: workspaces }, schema: z.unknown() });
});
afterAll(async () => {
  await t?.service.dispose();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

const every = async (rest: RestClient) => {
  const metastore = await metastoreSummary(rest);
  return {
    schemaNames: await schemaNames(rest, 'main'),
    userSchemas: await userSchemas(rest, 'main'),
    catalogTags: [...(await catalogTags(rest, 'main'))],
    effectivePrivileges: [...(await effectivePrivileges(rest, 'catalog', 'main', conn.identity.userName))].sort(),
    systemSchemaStates: [...(await systemSchemaStates(rest, metastore.metastore_id))],
    catalogBindings: await catalogBindings(rest, 'main'),
    warehouses: (await listWarehouses(rest)).map((w) => w.id),
  };
};

describe('lists on the sandbox with one-item pages and empty pages that carry a token', () => {
  it('reads every item of every list the app makes', async () => {
    const plain = await every(conn.rest);
    expect(plain.schemaNames!.length).toBeGreaterThan(2);
    expect(plain.catalogTags.length).toBeGreaterThanOrEqual(3);
    expect(plain.systemSchemaStates.length).toBeGreaterThan(1);
    expect(plain.catalogBindings).toHaveLength(2);
    expect(plain.warehouses.length).toBeGreaterThan(1);
    const mark = emulator.requestLog.mark();
    emulator.faults.configure('pageSize=1,emptyPages=1');
    try {
      expect(await every(conn.rest)).toEqual(plain);
    } finally {
      emulator.faults.clear();
    }
    // Each list took an empty first page and then one request per item (and one more empty page before each).
    const schemaPages = emulator.requestLog.entries({ after: mark, pathPrefix: '/api/2.1/unity-catalog/schemas' });
    expect(schemaPages.length).toBe(2 * 2 * (plain.schemaNames!.length + 1));
    expect(emulator.requestLog.entries({ after: mark, pathPrefix: '/api/2.0/sql/warehouses' }).length).toBe(2 * plain.warehouses.length);
  });
});
