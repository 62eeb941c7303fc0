import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import type { ComposedApp, Json } from '../integration/integration.test-support';
import { adminSql, appWithIntegration, policyCalls } from './policies.test-support';

/**
 * Every mask method on every column type, merged masks and merged filters, group values with "*", rows no rule
 * lets through, and grants diffed by the documented inheritance rule — applied to the sandbox through the
 * handlers and read back through the real driver signed in as each principal. Preview before apply (the plan)
 * equals what each principal gets after.
 * Masks and filters: https://docs.databricks.com/aws/en/tables/row-and-column-filters (a mask returns the column's
 * type; the function runs as its owner; is_account_group_member counts account groups, nested ones included).
 * sha2: https://docs.databricks.com/aws/en/sql/language-manual/functions/sha2.
 * Inherited grants: SHOW GRANTS lists privileges inherited from the catalog and schema with that object type
 * (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant); a grant policy counts only
 * direct grants as held.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let logDir: string;
const ADMIN = 'priya.raman@lakeside.example'; // data-governance (and a metastore admin: masks apply to admins too)
const ANALYST = 'siobhan.obrien@lakeside.example'; // data-analysts
const FINANCE = 'jose.nunez@lakeside.example'; // finance-analysts, nested in data-analysts
const ENGINEER = 'li.lei@lakeside.example'; // data-engineers (SELECT on all of main)
const MARCUS = 'marcus.dangelo@lakeside.example'; // data-engineers, region NA; also given SELECT directly by a grant policy
const T = 'main.sales.kinds';

const exemptGov = ['data-governance'];
const policiesFor = (sp: string) => ({
  policies: [
    { name: 'redact-all-types', type: 'columnMask', method: 'redact', columns: [`${T}.s_redact`, `${T}.i_redact`, `${T}.d_redact`, `${T}.b_redact`], exempt: exemptGov },
    // Merged on one column: clear only for who is exempt from both (finance analysts); governance and engineers get the hash.
    { name: 'hash-a', type: 'columnMask', method: 'hash', columns: [`${T}.s_hash`], exempt: ['data-governance', 'finance-analysts'] },
    { name: 'hash-b', type: 'columnMask', method: 'hash', columns: [`${T}.s_hash`], exempt: ['finance-analysts', 'data-engineers'] },
    { name: 'keep-last-3', type: 'columnMask', method: { keepLast: 3 }, columns: [`${T}.s_last`], exempt: exemptGov },
    { name: 'nullify-all-types', type: 'columnMask', method: 'nullify', columns: [`${T}.s_null`, `${T}.n_null`, `${T}.ts_null`], exempt: exemptGov },
    // Merged on one table: a row shows when both let it through.
    { name: 'kinds-by-region', type: 'rowFilter', table: T, column: 'region', match: { userAttribute: 'region' }, exempt: exemptGov },
    { name: 'kinds-by-team', type: 'rowFilter', table: T, column: 'team', match: { groupValues: { 'data-analysts': ['red'], 'data-engineers': ['*'] } }, exempt: exemptGov },
    // data-analysts already read the table through the schema (inherited): the direct grant is still to be made.
    { name: 'kinds-readers', type: 'grant', privileges: ['SELECT'], securable: T, principals: ['data-analysts', MARCUS] },
    { name: 'exports-readers', type: 'grant', privileges: ['READ VOLUME'], securable: 'main.sales.exports', principals: ['data-analysts'] },
    // A service principal is named by its application id.
    { name: 'dashboards-read-kinds', type: 'grant', privileges: ['SELECT'], securable: T, principals: [sp] },
  ],
});
let text = '';
let SP = '';

const { as, ok, plan, apply } = policyCalls(() => ({ emulator, main, logDir }), () => text);
const jsonish = (v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v);
const rowsOf = (rows: readonly Record<string, unknown>[]) => rows.map((r) => Object.values(r).map(jsonish));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SELECT = `SELECT * FROM ${T} ORDER BY id`;

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'ucb-policies-methods-'));
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
  SP = emulator.servicePrincipals.find((p) => p.displayName === 'bi-dashboards')!.applicationId;
  text = JSON.stringify(policiesFor(SP));
  const admin = (sql: string) => adminSql(main, emulator, sql);
  await admin(`CREATE TABLE ${T} (id INT, s_redact STRING, i_redact INT, d_redact DATE, b_redact BOOLEAN, s_hash STRING, s_last STRING, s_null STRING, n_null DECIMAL(10,2), ts_null TIMESTAMP, region STRING, team STRING)`);
  await admin(
    `INSERT INTO ${T} VALUES (1, 'alpha', 42, DATE'2020-01-02', true, 'a@x.example', '555-0101', 'keep', 12.34, TIMESTAMP'2024-01-01 10:00:00', 'EMEA', 'red'),` +
      ` (2, 'beta', 7, DATE'2021-02-03', false, 'b@x.example', '555-0202', 'keep', 5.00, TIMESTAMP'2024-02-01 10:00:00', 'NA', 'blue'),` +
      ` (3, 'gamma', 9, DATE'2022-03-04', true, 'c@x.example', '555-0303', 'keep', 1.50, TIMESTAMP'2024-03-01 10:00:00', 'APAC', 'red')`,
  );
  await admin('CREATE VOLUME main.sales.exports');
  for (const [who, region] of [[ANALYST, 'EMEA'], [FINANCE, 'APAC'], [MARCUS, 'NA']] as const) {
    await admin(`INSERT INTO ucbridge.entitlements.principal_attributes VALUES ('${who}', 'region', '${region}', current_timestamp())`);
  }
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
  await rm(logDir, { recursive: true, force: true });
});

const previews = new Map<string, Json>();

describe('every method per column type, merged rules and grants, on the sandbox', () => {
  it('previews the plan for each principal before anything is applied', async () => {
    for (const who of [ADMIN, ANALYST, FINANCE, ENGINEER, MARCUS]) {
      const p = await ok('policies.preview', { text, principal: who, table: T, limit: 20 });
      expect(p.source).toBe('plan');
      previews.set(who, p);
    }
    expect(previews.get(ANALYST)!.maskedColumns).toEqual(expect.arrayContaining(['s_redact', 'i_redact', 'd_redact', 'b_redact', 's_hash', 's_last', 's_null', 'n_null', 'ts_null']));
  });

  it('plans the direct grant although data-analysts inherit SELECT from the schema, and applies everything', async () => {
    const first = await plan();
    const grants = (first.plan.steps as Json[]).filter((s) => String(s.id).startsWith('grant:'));
    expect(grants.map((s) => [s.id, s.action])).toEqual([
      ['grant:table:main.sales.kinds:data-analysts', 'create'],
      [`grant:table:main.sales.kinds:${MARCUS}`, 'create'],
      ['grant:volume:main.sales.exports:data-analysts', 'create'],
      [`grant:table:main.sales.kinds:${SP}`, 'create'],
    ]);
    expect(await apply()).toMatchObject({ failed: 0 });
    expect(await adminSql(main, emulator, 'SHOW GRANTS `data-analysts` ON VOLUME main.sales.exports')).toContainEqual(expect.objectContaining({ actionType: 'READ VOLUME', objectType: 'VOLUME' }));
    expect(await adminSql(main, emulator, `SHOW GRANTS ON TABLE ${T}`)).toContainEqual({ principal: SP, actionType: 'SELECT', objectType: 'TABLE', objectKey: T });
  });

  it('masks each type as its method says for who is not exempt', async () => {
    // The analyst (region EMEA, data-analysts → team red) sees row 1 only, every column masked.
    expect(rowsOf(await as(ANALYST, SELECT))).toEqual([[1, '****', null, null, null, sha256('a@x.example'), '*****101', null, null, null, 'EMEA', 'red']]);
  });

  it('shows the exempt group every value in clear and every row, except where a merged mask does not exempt it', async () => {
    const admin = rowsOf(await as(ADMIN, SELECT));
    expect(admin.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(admin[0]).toEqual([1, 'alpha', 42, '2020-01-02T00:00:00.000Z', true, sha256('a@x.example'), '555-0101', 'keep', 12.34, '2024-01-01T10:00:00.000Z', 'EMEA', 'red']);
  });

  it('merges two masks on one column (clear only for who both exempt) and two filters on one table (both must pass)', async () => {
    // Finance: exempt from both hash policies → the email in clear; nested in data-analysts → team red; region APAC → row 3.
    const finance = rowsOf(await as(FINANCE, `SELECT id, s_hash, s_redact FROM ${T} ORDER BY id`));
    expect(finance).toEqual([[3, 'c@x.example', '****']]);
    // An engineer with no region attribute: no rule lets any row through, so every row is hidden.
    expect(await as(ENGINEER, `SELECT count(*) AS n FROM ${T}`)).toEqual([{ n: 0 }]);
    // "*" for engineers: Marcus (region NA) sees the NA row although its team is blue; the hash exempted by hash-b but not hash-a.
    expect(rowsOf(await as(MARCUS, `SELECT id, s_hash, team FROM ${T} ORDER BY id`))).toEqual([[2, sha256('b@x.example'), 'blue']]);
  });

  it('follows an attribute change without re-applying', async () => {
    await adminSql(main, emulator, `UPDATE ucbridge.entitlements.principal_attributes SET value = 'APAC' WHERE principal = '${ANALYST}'`);
    expect((await as(ANALYST, `SELECT id FROM ${T}`)).map((r) => r.id)).toEqual([3]);
    await adminSql(main, emulator, `UPDATE ucbridge.entitlements.principal_attributes SET value = 'EMEA' WHERE principal = '${ANALYST}'`);
    expect((await as(ANALYST, `SELECT id FROM ${T}`)).map((r) => r.id)).toEqual([1]);
    expect(new Set((await plan()).plan.steps.map((s: Json) => s.action))).toEqual(new Set(['unchanged']));
  });

  it('had previewed, before apply, exactly what each principal got', async () => {
    for (const who of [ADMIN, ANALYST, FINANCE, ENGINEER, MARCUS]) {
      const before = previews.get(who)!;
      const real = rowsOf(await as(who, SELECT));
      expect(before.rows).toEqual(real);
      expect(before.totalRows - before.hiddenRows).toBe(real.length);
      // After apply the masks apply to the installer's own reads: the admin (not exempt from the merged hash)
      // cannot read the clear email finance sees, and the preview says so instead of hashing a hash.
      const after = await ok('policies.preview', { text, principal: who, table: T, limit: 20 });
      const unreadable = who === FINANCE ? [5] : [];
      const expected = real.map((r) => r.map((v, i) => (unreadable.includes(i) ? null : v)));
      expect({ who, source: after.source, rows: after.rows, hidden: after.hiddenRows }).toEqual({ who, source: 'deployed', rows: expected, hidden: before.hiddenRows });
      expect(after.notes).toEqual(who === FINANCE ? [expect.stringContaining(`${FINANCE} sees s_hash in clear, but the mask applies to you`)] : []);
      expect(after.maskedColumns).toEqual(who === ADMIN ? ['s_hash'] : who === FINANCE ? expect.not.arrayContaining(['s_hash']) : expect.arrayContaining(['s_hash', 's_redact']));
    }
  });

  it('uninstalls: revokes only the direct grants it made; the inherited SELECT still works, nothing of its own stays', async () => {
    expect(await apply('uninstall')).toMatchObject({ failed: 0 });
    const direct = await adminSql(main, emulator, `SHOW GRANTS ON TABLE ${T}`);
    expect(direct.filter((g) => g.objectType === 'TABLE')).toEqual([]);
    expect(direct).toContainEqual(expect.objectContaining({ principal: 'data-analysts', actionType: 'SELECT', objectType: 'SCHEMA' }));
    expect((await adminSql(main, emulator, 'SHOW GRANTS `data-analysts` ON VOLUME main.sales.exports')).filter((g) => g.objectType === 'VOLUME')).toEqual([]);
    expect((await as(ANALYST, `SELECT s_redact FROM ${T} ORDER BY id`)).map((r) => r.s_redact)).toEqual(['alpha', 'beta', 'gamma']);
    expect(new Set((await plan('uninstall')).plan.steps.map((s: Json) => s.action))).toEqual(new Set(['unchanged']));
  });
});
