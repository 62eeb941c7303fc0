import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataIndex, type MetadataIndex } from '../index/metadata-index';
import { searchBuildSql } from '../index/search-build';
import { search } from './search';

/** Search over a small hand-written snapshot: what matches, in which order, and with which filter. */
let dir: string;
let path: string;
let index: MetadataIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucb-search-'));
  path = join(dir, 'index.duckdb');
  index = await openMetadataIndex(path);
  await index.exclusive(async (connect) => {
    const c = await connect();
    await c.run(`
      INSERT INTO catalogs VALUES ('main', 'admin', 'The Main catalog', 0, 0), ('Finance', 'cfo', NULL, 0, 0);
      INSERT INTO schemas VALUES ('main', 'sales', 'admin', NULL, 0, 0), ('Finance', 'ledger', 'cfo', 'Books of account', 0, 0);
      INSERT INTO tables VALUES
        ('main', 'sales', 'Orders', 'MANAGED', 'ana', 'Every order placed', 'DELTA', 0, 0, 'fp', '', 2),
        ('main', 'sales', 'order_lines', 'VIEW', 'bob', NULL, NULL, 0, 0, 'fp', '', 2),
        ('main', 'sales', 'customers', 'MANAGED', 'ana', 'Who placed orders', 'DELTA', 0, 0, 'fp', '', 2),
        ('Finance', 'ledger', 'entries', 'MANAGED', 'cfo', NULL, 'DELTA', 0, 0, 'fp', '', 1);
      INSERT INTO tags VALUES
        ('CATALOG', 'Finance', NULL, NULL, NULL, 'domain', 'Money'),
        ('SCHEMA', 'main', 'sales', NULL, NULL, 'team', 'revenue'),
        ('TABLE', 'main', 'sales', 'customers', NULL, 'PII', NULL),
        ('TABLE', 'main', 'sales', 'Orders', NULL, 'tier', 'gold'),
        ('COLUMN', 'main', 'sales', 'order_lines', 'sku', 'tier', 'gold');
      ${searchBuildSql('')};`);
  });
});
afterAll(async () => {
  await index.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async (query: string, o: Partial<Parameters<typeof search>[1]> = {}) =>
  (await search(index, { query, limit: 50, kinds: ['CATALOG', 'SCHEMA', 'TABLE'], ...o })).hits.map((h) => `${h.kind} ${h.path.join('.')} ${h.matched}`);

describe('search', () => {
  it('ranks name matches (exact, prefix, anywhere; shorter first) before comment and tag matches', async () => {
    expect(await names('order')).toEqual(['TABLE main.sales.Orders name', 'TABLE main.sales.order_lines name', 'TABLE main.sales.customers comment-or-tag']);
    expect(await names('ORDERS')).toEqual(['TABLE main.sales.Orders name', 'TABLE main.sales.customers comment-or-tag']);
  });

  it('matches each word in the name, the comment or a tag of the same object', async () => {
    // `orders` in the name, `gold` in a tag; customers' comment holds `orders` but no tag holds `gold`.
    expect(await names('orders gold')).toEqual(['TABLE main.sales.Orders name']);
    expect(await names('pii')).toEqual(['TABLE main.sales.customers comment-or-tag']);
    expect(await names('tier=gold')).toEqual(['TABLE main.sales.Orders comment-or-tag']);
    expect(await names('money')).toEqual(['CATALOG Finance comment-or-tag']);
    expect(await names('sales revenue')).toEqual(['SCHEMA main.sales name']);
    expect(await names('books')).toEqual(['SCHEMA Finance.ledger comment-or-tag']);
    expect(await names('main catalog')).toEqual(['CATALOG main name']);
    expect(await names('nothing')).toEqual([]);
  });

  it('keeps to the kinds asked for, and a table filter leaves catalogs and schemas out', async () => {
    expect(await names('sales', { kinds: ['SCHEMA'] })).toEqual(['SCHEMA main.sales name']);
    expect(await names('e', { filter: { owner: 'ANA' } })).toEqual(['TABLE main.sales.Orders name', 'TABLE main.sales.customers name']);
    expect(await names('s', { filter: { types: ['VIEW'] } })).toEqual(['TABLE main.sales.order_lines name']);
    // A column's tag puts its table through a tag filter (as the tree filters); the search still matches the table.
    expect(await names('order', { filter: { tag: { key: 'tier', value: 'gold' } } })).toEqual(['TABLE main.sales.Orders name', 'TABLE main.sales.order_lines name']);
  });

  it('counts every match beyond the page', async () => {
    // Every object but catalog main (its comment holds `the`), and order_lines.sku by its tag.
    const page = await search(index, { query: 'e', limit: 2 });
    expect([page.total, page.hits.map((h) => h.path.join('.'))]).toEqual([9, ['Finance.ledger.entries', 'main.sales']]);
  });

  it('answers over an index written before its search text was kept, once reopened', async () => {
    await index.exclusive(async (connect) => (await connect()).run('DROP TABLE search_objects'));
    await index.close();
    index = await openMetadataIndex(path);
    expect(await names('pii')).toEqual(['TABLE main.sales.customers comment-or-tag']);
  });
});
