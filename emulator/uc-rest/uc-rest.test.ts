import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSide } from '../catalog';
import { startEmulator, type RunningEmulator } from '../start';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';

let emu: RunningEmulator;
let f: SandboxFetch;
let adminToken: string;
let analystToken: string;
let analystName: string;
const UC = '/api/2.1/unity-catalog';

beforeAll(async () => {
  emu = await startEmulator({ catalogSide: createCatalogSide(), log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  adminToken = emu.users.find((u) => u.admin)!.token;
  const analyst = emu.users.find((u) => u.groups.includes('data-analysts'))!;
  analystToken = analyst.token;
  analystName = analyst.userName;
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const get = async (path: string, token = adminToken) => {
  const res = await f(path, { token });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { next_page_token?: string } };
};
const send = async (method: string, path: string, json: unknown, token = adminToken) => {
  const res = await f(path, { method, token, json });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('Unity Catalog REST with plain fetch', () => {
  it('serves the metastore summary and the current assignment', async () => {
    const summary = await get(`${UC}/metastore_summary`);
    expect(summary.body).toMatchObject({ metastore_id: emu.sandbox.metastoreId, global_metastore_id: emu.sandbox.metastoreRegion, privilege_model_version: '1.0' });
    expect((await get(`${UC}/current-metastore-assignment`)).body).toEqual({ workspace_id: Number(emu.workspaceId), metastore_id: emu.sandbox.metastoreId, default_catalog_name: 'main' });
  });

  it('pages catalogs: max_results=0 is the server size, negative is refused, empty pages still carry a token', async () => {
    expect((await get(`${UC}/catalogs?max_results=-1`)).body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await get(`${UC}/catalogs?page_token=garbage`)).status).toBe(400);
    const all = (await get(`${UC}/catalogs`)).body.catalogs as { name: string }[];
    expect(all.map((c) => c.name)).toEqual(['analytics', 'finance', 'hr', 'main', 'raw', 'system']);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    let emptyPagesWithToken = 0;
    do {
      const page = await get(`${UC}/catalogs?max_results=1${token ? `&page_token=${token}` : ''}`, analystToken);
      const items = page.body.catalogs as { name: string }[];
      if (items.length === 0 && page.body.next_page_token) emptyPagesWithToken++;
      names.push(...items.map((c) => c.name));
      token = page.body.next_page_token;
      pages++;
    } while (token);
    // An analyst sees only catalogs with USE CATALOG; pages cut before filtering come back empty but keep going.
    expect(names).toEqual(['analytics', 'main']);
    expect(pages).toBe(6);
    expect(emptyPagesWithToken).toBeGreaterThan(0);
  });

  it('creates, reads, updates and deletes catalogs and schemas, with Databricks-shaped errors', async () => {
    expect((await send('POST', `${UC}/catalogs`, { name: 'Rest_Made', comment: 'via REST' })).body).toMatchObject({ name: 'rest_made', owner: expect.any(String), catalog_type: 'MANAGED_CATALOG' });
    expect((await send('POST', `${UC}/catalogs`, { name: 'rest_made' })).body).toMatchObject({ error_code: 'CATALOG_ALREADY_EXISTS' });
    expect((await send('POST', `${UC}/catalogs`, { name: 'x' }, analystToken)).status).toBe(403);
    expect((await send('POST', `${UC}/catalogs`, { nam: 'x' })).body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await send('POST', `${UC}/schemas`, { name: 'inner', catalog_name: 'rest_made' })).body).toMatchObject({ full_name: 'rest_made.inner' });
    expect((await send('PATCH', `${UC}/schemas/rest_made.inner`, { comment: 'changed', owner: 'data-engineers' })).body).toMatchObject({ comment: 'changed', owner: 'data-engineers' });
    expect((await get(`${UC}/schemas?catalog_name=rest_made`)).body.schemas).toHaveLength(3);
    expect((await get(`${UC}/catalogs/nope`)).body).toMatchObject({ error_code: 'CATALOG_DOES_NOT_EXIST' });
    expect((await f(`${UC}/catalogs/rest_made`, { method: 'DELETE', token: adminToken })).status).toBe(400);
    expect((await f(`${UC}/catalogs/rest_made?force=true`, { method: 'DELETE', token: adminToken })).status).toBe(200);
    expect((await get(`${UC}/catalogs/rest_made`)).status).toBe(404);
  });

  it('shows tables with columns, masks and row filters, table summaries, volumes and functions', async () => {
    const employees = (await get(`${UC}/tables/hr.people.employees`)).body;
    expect(employees).toMatchObject({ full_name: 'hr.people.employees', table_type: 'MANAGED', data_source_format: 'DELTA' });
    const ssn = (employees.columns as { name: string; mask?: unknown; type_name: string }[]).find((c) => c.name === 'national_id');
    expect(ssn).toMatchObject({ type_name: 'STRING', mask: { function_name: 'main.governance.mask_national_id', using_column_names: [] } });
    expect((await get(`${UC}/tables/hr.payroll.salaries`)).body.row_filter).toEqual({ function_name: 'main.governance.region_filter', input_column_names: ['region'] });
    expect((await get(`${UC}/tables/hr.people.employees`, analystToken)).status).toBe(403);
    expect((await get(`${UC}/tables/main.sales.customers/exists`, analystToken)).body).toEqual({ table_exists: true });
    const summaries = await get(`${UC}/table-summaries?catalog_name=main&schema_name_pattern=sal%25&table_name_pattern=c%25`);
    expect((summaries.body.tables as { full_name: string }[]).map((t) => t.full_name)).toEqual(['main.sales.customers']);
    const listed = await get(`${UC}/tables?catalog_name=main&schema_name=sales&max_results=3&omit_columns=true`);
    expect(listed.body.tables).toHaveLength(3);
    expect(listed.body.next_page_token).toEqual(expect.any(String));
    const fns = (await get(`${UC}/functions?catalog_name=main&schema_name=governance`)).body.functions as { name: string; routine_body: string }[];
    expect(fns.map((fn) => fn.name)).toEqual(['mask_email', 'mask_national_id', 'region_filter']);
    const created = await send('POST', `${UC}/functions`, {
      function_info: { name: 'plus_one', catalog_name: 'main', schema_name: 'governance', input_params: { parameters: [{ name: 'x', type_text: 'int' }] }, full_data_type: 'int', routine_body: 'SQL', routine_definition: 'x + 1' },
    });
    expect(created.body).toMatchObject({ full_name: 'main.governance.plus_one', data_type: 'INT' });
    expect((await send('POST', `${UC}/volumes`, { catalog_name: 'main', schema_name: 'sales', name: 'exports', volume_type: 'MANAGED' })).body).toMatchObject({ full_name: 'main.sales.exports' });
    // REST creates external tables only; managed ones are made with SQL (reference §1.3).
    expect((await send('POST', `${UC}/tables`, { name: 'm', catalog_name: 'main', schema_name: 'sales', table_type: 'MANAGED', columns: [] })).body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const external = await send('POST', `${UC}/tables`, {
      name: 'Ext_Orders', catalog_name: 'main', schema_name: 'sales', table_type: 'EXTERNAL', data_source_format: 'DELTA',
      storage_location: 's3://partner-bucket/orders', columns: [{ name: 'Id', type_text: 'BIGINT', type_name: 'LONG', position: 0 }],
    });
    expect(external.body).toMatchObject({ full_name: 'main.sales.ext_orders', table_type: 'EXTERNAL', storage_location: 's3://partner-bucket/orders', columns: [{ name: 'Id', type_text: 'bigint', type_name: 'LONG', position: 0 }] });
    expect((await f(`${UC}/tables/main.sales.ext_orders`, { method: 'DELETE', token: adminToken })).status).toBe(200);
  });

  it('reads and patches permissions with the 150 page-size floor, and reports effective permissions', async () => {
    const perms = await get(`${UC}/permissions/schema/main.sales`);
    expect(perms.body.privilege_assignments).toContainEqual({ principal: 'data-analysts', privileges: ['SELECT', 'USE_SCHEMA'] });
    expect((await get(`${UC}/permissions/schema/main.sales?max_results=20`)).body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await get(`${UC}/permissions/SCHEMA/main.sales?max_results=150`)).status).toBe(200);
    const patched = await send('PATCH', `${UC}/permissions/table/main.sales.orders`, { changes: [{ principal: analystName, add: ['MODIFY'] }] });
    expect(patched.body.privilege_assignments).toEqual([{ principal: analystName, privileges: ['MODIFY'] }]);
    await send('PATCH', `${UC}/permissions/table/main.sales.orders`, { changes: [{ principal: analystName, remove: ['MODIFY'] }] });
    expect((await get(`${UC}/permissions/table/main.sales.orders`)).body.privilege_assignments).toEqual([]);
    const effective = await get(`${UC}/effective-permissions/table/main.sales.orders?principal=${encodeURIComponent(analystName)}`);
    expect(effective.body.privilege_assignments).toEqual([
      { principal: analystName, privileges: expect.arrayContaining([{ privilege: 'SELECT', inherited_from_type: 'SCHEMA', inherited_from_name: 'main.sales' }, { privilege: 'USE_CATALOG', inherited_from_type: 'CATALOG', inherited_from_name: 'main' }]) },
    ]);
    expect((await send('PATCH', `${UC}/permissions/table/main.sales.orders`, { changes: [{ principal: analystName, add: ['SELECT'] }] }, analystToken)).status).toBe(403);
  });

  it('enables system schemas, binds catalogs to workspaces, and assigns entity tags', async () => {
    const schemas = await get(`/api/2.0/unity-catalog/metastores/${emu.sandbox.metastoreId}/systemschemas`);
    expect(schemas.body.schemas).toContainEqual({ schema: 'access', state: 'AVAILABLE' });
    expect((await f(`${UC}/metastores/${emu.sandbox.metastoreId}/systemschemas/access`, { method: 'PUT', token: analystToken })).status).toBe(403);
    expect((await f(`${UC}/metastores/${emu.sandbox.metastoreId}/systemschemas/access`, { method: 'PUT', token: adminToken })).status).toBe(200);
    expect((await get(`${UC}/metastores/${emu.sandbox.metastoreId}/systemschemas`)).body.schemas).toContainEqual({ schema: 'access', state: 'ENABLE_COMPLETED' });
    expect((await f(`${UC}/metastores/not-this-one/systemschemas`, { token: adminToken })).status).toBe(404);
    await send('PATCH', `${UC}/catalogs/finance`, { isolation_mode: 'ISOLATED' });
    expect((await send('PATCH', `${UC}/bindings/catalog/finance`, { add: [{ workspace_id: Number(emu.workspaceId), binding_type: 'BINDING_TYPE_READ_ONLY' }] })).body).toEqual({
      bindings: [{ workspace_id: Number(emu.workspaceId), binding_type: 'BINDING_TYPE_READ_ONLY' }],
    });
    expect((await send('POST', `${UC}/entity-tag-assignments`, { entity_type: 'columns', entity_name: 'main.sales.orders.total_amount', tag_key: 'sensitivity', tag_value: 'low' })).status).toBe(200);
    expect((await send('POST', `${UC}/entity-tag-assignments`, { entity_type: 'columns', entity_name: 'main.sales.orders.total_amount', tag_key: 'sensitivity' })).body).toMatchObject({ error_code: 'ALREADY_EXISTS' });
    const tags = await get(`${UC}/entity-tag-assignments/columns/main.sales.customers.email/tags`);
    expect(tags.body.tag_assignments).toContainEqual({ entity_type: 'columns', entity_name: 'main.sales.customers.email', tag_key: 'pii', tag_value: 'email' });
    expect((await f(`${UC}/entity-tag-assignments/columns/main.sales.orders.total_amount/tags/sensitivity`, { method: 'DELETE', token: adminToken })).status).toBe(200);
    expect((await get(`${UC}/entity-tag-assignments/columns/main.sales.orders.total_amount/tags/sensitivity`)).status).toBe(404);
  });

  it('stores, ranges, describes and deletes files in volumes with the Files API', async () => {
    const path = '/api/2.0/fs/files/Volumes/main/sales/exports/2025/report%20%C3%A9.csv';
    const octets = { 'content-type': 'application/octet-stream' };
    expect((await f(path, { method: 'PUT', token: adminToken, headers: octets, body: 'id,name\n1,Zoë\n' })).status).toBe(204);
    expect((await f(`${path}?overwrite=false`, { method: 'PUT', token: adminToken, headers: octets, body: 'x' })).status).toBe(409);
    // The upload page asks for "raw bytes (an octet stream)" and the SDKs send that type
    // (https://docs.databricks.com/api/workspace/files/upload); the docs do not say what another type gets: refused here.
    const asJson = await f(path, { method: 'PUT', token: adminToken, json: { id: 1 } });
    expect([asJson.status, ((await asJson.json()) as { error_code: string }).error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    const head = await f(path, { method: 'HEAD', token: adminToken });
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength('id,name\n1,Zoë\n')));
    expect(await (await f(path, { token: adminToken })).text()).toBe('id,name\n1,Zoë\n');
    const part = await f(path, { token: adminToken, headers: { range: 'bytes=0-1' } });
    expect([part.status, await part.text()]).toEqual([206, 'id']);
    expect((await f(path, { token: analystToken })).status).toBe(403);
    expect((await f('/api/2.0/fs/files/Volumes/main/sales/exports/../x', { token: adminToken })).status).toBe(400);
    expect((await f(path, { method: 'DELETE', token: adminToken })).status).toBe(204);
    expect((await f(path, { token: adminToken })).status).toBe(404);
  });

  it('answers table lineage from the seeded derivations, only to those who may see the table', async () => {
    const lineage = await get('/api/2.0/lineage-tracking/table-lineage?table_name=analytics.gold.daily_sales&include_entity_lineage=true');
    const upstream = (lineage.body.upstreams as { tableInfo: { name: string } }[]).map((u) => u.tableInfo.name);
    expect(upstream).toEqual(['orders', 'transactions_raw']);
    expect((lineage.body.downstreams as { tableInfo: { name: string } }[]).map((d) => d.tableInfo.name)).toEqual(['region_performance']);
    expect((await get('/api/2.0/lineage-tracking/table-lineage')).body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await get('/api/2.0/lineage-tracking/table-lineage?table_name=hr.people.employees', analystToken)).status).toBe(403);
  });
});
