import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { quoteLiteral } from '../../../shared/sql/quote';
import type { ComposedApp, Json } from '../integration/integration.test-support';
import { adminSql, appWithIntegration, policyCalls } from './policies.test-support';

/**
 * Hostile names and values end to end on the sandbox: a schema, a table and columns whose names hold quotes,
 * backticks, backslashes and spaces (allowed by Unity Catalog's naming rules except for periods, spaces and
 * slashes in securable names: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-names), an attribute
 * name and values with quotes and backslashes, a tag value with a quote, and policy names with quotes and
 * backticks (an ABAC policy name is an identifier: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy).
 * Apply, read as the analyst, preview, re-plan unchanged, uninstall leaving nothing.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let logDir: string;
const ANALYST = 'siobhan.obrien@lakeside.example'; // data-analysts
const SCHEMA = "o'brien`s\\x";
const TABLE = `t"ab'le`;
const COL = "co`l 'x";
const REGION = 're"gion';
const ATTRIBUTE = "zone'`\\";
const VALUE = "it's \\ `v`";
const q = (name: string) => '`' + name.replaceAll('`', '``') + '`';
const FULL = `main.${q(SCHEMA)}.${q(TABLE)}`;

const text = JSON.stringify({
  policies: [
    { name: "mask 'o`brien' \\", type: 'columnMask', method: { keepLast: 2 }, tag: { key: 'pii', value: "it's" }, scope: `main.${q(SCHEMA)}`, exempt: ['data-governance'] },
    { name: 'rows "by" zone\'', type: 'rowFilter', table: FULL, column: REGION, match: { userAttribute: ATTRIBUTE }, exempt: ['data-governance'] },
    { name: "readers 'of' it", type: 'grant', privileges: ['USE SCHEMA', 'SELECT'], securable: `main.${q(SCHEMA)}`, principals: ['data-analysts'] },
  ],
});

const { as, ok, plan, apply } = policyCalls(() => ({ emulator, main, logDir }), () => text);

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'ucb-policies-hostile-'));
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
  const admin = (sql: string) => adminSql(main, emulator, sql);
  await admin(`CREATE SCHEMA main.${q(SCHEMA)}`);
  await admin(`CREATE TABLE ${FULL} (id INT, ${q(COL)} STRING, ${q(REGION)} STRING)`);
  await admin(`INSERT INTO ${FULL} VALUES (1, ${quoteLiteral(VALUE)}, ${quoteLiteral(VALUE)}), (2, 'plain', 'NA')`);
  await admin(`ALTER TABLE ${FULL} ALTER COLUMN ${q(COL)} SET TAGS ('pii' = ${quoteLiteral("it's")})`);
  await admin(`INSERT INTO ucbridge.entitlements.principal_attributes VALUES (${quoteLiteral(ANALYST)}, ${quoteLiteral(ATTRIBUTE)}, ${quoteLiteral(VALUE)}, current_timestamp())`);
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
  await rm(logDir, { recursive: true, force: true });
});

describe('hostile names and values on the sandbox', () => {
  it('validates, applies, and the analyst sees the one row the attribute allows, its tagged column masked', async () => {
    expect(await ok('policies.validate', { text })).toMatchObject({ valid: true, problems: [], abac: true });
    expect(await apply()).toMatchObject({ failed: 0 });
    const rows = await as(ANALYST, `SELECT id, ${q(COL)} AS c, ${q(REGION)} AS r FROM ${FULL}`);
    expect(rows).toEqual([{ id: 1, c: `${'*'.repeat(VALUE.length - 2)}v\``, r: VALUE }]);
    expect(await as('priya.raman@lakeside.example', `SELECT ${q(COL)} AS c FROM ${FULL} ORDER BY id`)).toEqual([{ c: VALUE }, { c: 'plain' }]);
    expect(await adminSql(main, emulator, `SHOW POLICIES ON SCHEMA main.${q(SCHEMA)}`)).toEqual([expect.objectContaining({ 'Policy Name': "mask 'o`brien' \\" })]);
  });

  it('previews exactly that, and a re-plan finds everything in place', async () => {
    const p = await ok('policies.preview', { text, principal: ANALYST, table: FULL, limit: 20 });
    expect(p).toMatchObject({ source: 'deployed', columns: ['id', COL, REGION], rows: [[1, `${'*'.repeat(VALUE.length - 2)}v\``, VALUE]], hiddenRows: 1, maskedColumns: [COL] });
    expect(new Set((await plan()).plan.steps.map((s: Json) => s.action))).toEqual(new Set(['unchanged']));
  });

  it('uninstalls, leaving no function, filter, policy or grant of its own', async () => {
    expect(await apply('uninstall')).toMatchObject({ failed: 0 });
    expect(await adminSql(main, emulator, `SHOW POLICIES ON SCHEMA main.${q(SCHEMA)}`)).toEqual([]);
    expect(await adminSql(main, emulator, "SELECT * FROM system.information_schema.row_filters WHERE catalog_name = 'main'")).toEqual([]);
    expect(await adminSql(main, emulator, "SELECT routine_name FROM system.information_schema.routines WHERE routine_catalog = 'ucbridge' AND routine_schema = 'policies'")).toEqual([]);
    expect((await adminSql(main, emulator, `SHOW GRANTS ON SCHEMA main.${q(SCHEMA)}`)).filter((g) => g.principal === 'data-analysts' && g.objectType === 'SCHEMA')).toEqual([]);
  });
});
