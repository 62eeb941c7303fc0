import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../emulator/start';
import { quoteIdent, quoteLiteral, quoteName } from '../../../../shared/sql/quote';
import { taskId, type ComposedApp } from '../../integration/integration.test-support';
import { adminSql, appWithIntegration } from '../../policies/policies.test-support';

/**
 * Publishing the governance product's tags on the sandbox through the gateway: the limits from
 * https://learn.microsoft.com/azure/databricks/database-objects/tags checked at plan, ALTER … SET TAGS applied through
 * step 2's engine, and a second publish changing nothing.
 */
let emulator: RunningEmulator;
/** Names may hold quotes, backticks, hyphens and any letter (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-names). */
const HOSTILE = "we'ird`na\"me-ü";
let main: ComposedApp;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
  await adminSql(main, emulator, `CREATE TABLE ${quoteName('main', 'sales', HOSTILE)} (${quoteIdent('e-mail')} STRING)`);
  const crawled = await main.call('metadata.crawl', { taskId: taskId('crawl'), mode: 'full' });
  if (!crawled.ok) throw new Error(crawled.error.message);
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

const file = JSON.stringify([
  { securable: 'main.sales.customers.email', tags: { pii: 'email', steward: 'crm-team' } },
  { securable: 'main.sales.customers', tags: { domain: 'crm' } },
  { securable: 'main.sales', tags: { certified: '' } },
  { securable: 'hr.people.v_directory', tags: { exposure: 'internal' } },
  { securable: "main.sales.customers.o'neil`s", tags: { pii: 'x' } },
]);

describe('publishing tags', () => {
  it('plans set, change and unchanged per object, refuses what the limits or the metastore refuse, and publishes idempotently', async () => {
    const preview = await value('metadata.tagsPlan', { source: { file } });
    // customers.email already carries pii=email (demo seed); domain=sales is changed to crm.
    expect(preview.counts).toEqual({ add: 3, change: 1, unchanged: 1 });
    expect(preview.problems).toEqual(["Entry 5: main.sales.customers.o'neil`s: the table has no column \"o'neil`s\" (as last crawled)."]);
    const sql = preview.plan.steps.map((s: { sql: string }) => s.sql);
    expect(sql).toContain("ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `email` SET TAGS ('pii' = 'email', 'steward' = 'crm-team')");
    expect(sql).toContain("ALTER VIEW `hr`.`people`.`v_directory` SET TAGS ('exposure' = 'internal')");
    expect(sql).toContain("ALTER TABLE `main`.`sales`.`customers` SET TAGS ('domain' = 'crm')");
    const refused = await main.call('metadata.publishTags', { taskId: taskId('tags'), source: { file }, planHash: preview.plan.hash });
    expect(!refused.ok && refused.error.code).toBe('BAD_REQUEST');

    const good = JSON.stringify(JSON.parse(file).slice(0, 4));
    const plan = await value('metadata.tagsPlan', { source: { file: good } });
    const summary = await value('metadata.publishTags', { taskId: taskId('tags'), source: { file: good }, planHash: plan.plan.hash });
    expect(summary).toMatchObject({ failed: 0 });
    // The keys published, beside the one already there (class=confidential) that the file did not name.
    expect(await adminSql(main, emulator, "SELECT tag_name, tag_value FROM system.information_schema.column_tags WHERE catalog_name = 'main' AND table_name = 'customers' AND column_name = 'email' ORDER BY 1")).toEqual([
      { tag_name: 'class', tag_value: 'confidential' },
      { tag_name: 'pii', tag_value: 'email' },
      { tag_name: 'steward', tag_value: 'crm-team' },
    ]);
    expect(await adminSql(main, emulator, "SELECT tag_value FROM system.information_schema.table_tags WHERE table_name = 'customers' AND tag_name = 'domain'")).toEqual([{ tag_value: 'crm' }]);
    const columns = await value('metadata.columns', { table: ['main', 'sales', 'customers'] });
    expect(columns.find((c: { name: string }) => c.name === 'email').tags).toContainEqual({ key: 'steward', value: 'crm-team' });

    const again = await value('metadata.tagsPlan', { source: { file: good } });
    expect(again.counts).toEqual({ add: 0, change: 0, unchanged: 5 });
    expect(again.plan.steps.every((s: { action: string }) => s.action === 'unchanged')).toBe(true);
    const rerun = await value('metadata.publishTags', { taskId: taskId('tags'), source: { file: good }, planHash: again.plan.hash });
    expect(rerun).toMatchObject({ ran: 0, failed: 0 });
  });

  it('publishes to objects with hostile names, quoted as identifiers and literals, and re-applies as a no-op', async () => {
    const source = { assignments: [{ securable: `main.sales.${HOSTILE}.e-mail`, tags: { pii: "o'clock `x`" } }, { securable: `main.sales.${HOSTILE}`, tags: { owner_team: 'crm' } }] };
    const plan = await value('metadata.tagsPlan', { source });
    expect(plan.problems).toEqual([]);
    expect(plan.plan.steps.map((s: { sql: string }) => s.sql)).toEqual([
      "ALTER TABLE `main`.`sales`.`we'ird``na\"me-ü` ALTER COLUMN `e-mail` SET TAGS ('pii' = 'o\\'clock `x`')",
      "ALTER TABLE `main`.`sales`.`we'ird``na\"me-ü` SET TAGS ('owner_team' = 'crm')",
    ]);
    expect(await value('metadata.publishTags', { taskId: taskId('tags'), source, planHash: plan.plan.hash })).toMatchObject({ failed: 0 });
    expect(await adminSql(main, emulator, `SELECT column_name, tag_name, tag_value FROM system.information_schema.column_tags WHERE table_name = ${quoteLiteral(HOSTILE)}`)).toEqual([
      { column_name: 'e-mail', tag_name: 'pii', tag_value: "o'clock `x`" },
    ]);
    const again = await value('metadata.tagsPlan', { source });
    expect(again.counts).toEqual({ add: 0, change: 0, unchanged: 2 });
  });

  it('checks the documented limits: key characters, lengths and 50 tags per object', async () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const plan = await value('metadata.tagsPlan', {
      source: { assignments: [
        { securable: 'main.sales.orders', tags: { 'bad-key': 'x', 'a.b': 'x', [`k${'x'.repeat(255)}`]: 'v', ok: 'y'.repeat(1001) } },
        { securable: 'main.sales.stores', tags: many },
        { securable: 'nope.x.y', tags: { a: 'b' } },
      ] },
    });
    expect(plan.problems).toEqual([
      expect.stringContaining('"bad-key" contains one of . , - = / :'),
      expect.stringContaining('"a.b" contains one of'),
      expect.stringContaining('is 256 characters long; Unity Catalog allows 255'),
      expect.stringContaining('is 1001 characters long; Unity Catalog allows 1000'),
      'Entry 3: nope.x.y is not in the metastore (as last crawled).',
      expect.stringContaining('main.sales.stores would carry 51 tags; Unity Catalog allows 50'),
    ]);
    expect(plan.plan.steps).toEqual([]);
  });

  it('exports the same statements as publish-tags.sql', async () => {
    const script = (await value('metadata.exportTags', { source: { assignments: [{ securable: 'raw.web.clickstream_raw', tags: { layer: 'bronze', retention: '90d' } }] } }))[0];
    expect(script.name).toBe('publish-tags.sql');
    expect(script.content).toContain("ALTER TABLE `raw`.`web`.`clickstream_raw` SET TAGS ('layer' = 'bronze', 'retention' = '90d');");
    expect(script.content).toContain('running the script again changes nothing');
  });
});
