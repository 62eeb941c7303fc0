import { describe, expect, it } from 'vitest';
import type { LineageGraph } from '../../../../../shared/metadata/index-views';
import { columnEdgesFor, columnLineageTable, describeDistance, mergeLineage, splitFullName } from './lineage-model';

const node = (fullName: string, distance: number, indexed = true) => ({ fullName, indexed, tableType: indexed ? 'MANAGED' : null, distance });
const edge = (source: string, target: string, events = 1) => ({ source, target, events, lastAt: 1_700_000_000_000 });

/** The demo seed's shape: customers and orders feed customer_profile, which feeds lifetime_value. */
const aroundProfile: LineageGraph = {
  nodes: [node('a.c360.lifetime_value', 1), node('a.c360.profile', 0), node('m.sales.customers', -1), node('m.sales.orders', -1)],
  edges: [edge('m.sales.customers', 'a.c360.profile'), edge('m.sales.orders', 'a.c360.profile'), edge('a.c360.profile', 'a.c360.lifetime_value')],
  columnEdges: [],
};
/** Asked around orders: it also feeds daily_sales, and is fed by a table of another metastore. */
const aroundOrders: LineageGraph = {
  nodes: [node('a.c360.profile', 1), node('a.gold.daily_sales', 1), node('m.sales.orders', 0), node('x.ext.feed', -1, false)],
  edges: [edge('m.sales.orders', 'a.c360.profile'), edge('m.sales.orders', 'a.gold.daily_sales', 3), edge('x.ext.feed', 'm.sales.orders')],
  columnEdges: [],
};

describe('mergeLineage', () => {
  it('takes the first answer as it is, and marks only the table asked around as expanded', () => {
    const m = mergeLineage('a.c360.profile', [{ around: 'a.c360.profile', graph: aroundProfile }]);
    expect(m.root).toBe('a.c360.profile');
    expect(m.nodes.map((n) => [n.fullName, n.distance, n.expanded])).toEqual([
      ['m.sales.customers', -1, false],
      ['m.sales.orders', -1, false],
      ['a.c360.profile', 0, true],
      ['a.c360.lifetime_value', 1, false],
    ]);
    expect(m.edges).toHaveLength(3);
  });

  it('places an expansion relative to the expanded table, keeps known tables where they were, and adds edges once', () => {
    const m = mergeLineage('a.c360.profile', [
      { around: 'a.c360.profile', graph: aroundProfile },
      { around: 'm.sales.orders', graph: aroundOrders },
    ]);
    const at = Object.fromEntries(m.nodes.map((n) => [n.fullName, n.distance]));
    // orders is 1 upstream; its upstream feed is 2 upstream; daily_sales (1 downstream of orders) lands at 0.
    expect(at).toEqual({ 'x.ext.feed': -2, 'm.sales.orders': -1, 'm.sales.customers': -1, 'a.c360.profile': 0, 'a.gold.daily_sales': 0, 'a.c360.lifetime_value': 1 });
    expect(m.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'a.c360.profile>a.c360.lifetime_value',
      'm.sales.customers>a.c360.profile',
      'm.sales.orders>a.c360.profile',
      'm.sales.orders>a.gold.daily_sales',
      'x.ext.feed>m.sales.orders',
    ]);
    expect(m.nodes.filter((n) => n.expanded).map((n) => n.fullName).sort()).toEqual(['a.c360.profile', 'm.sales.orders']);
    expect(m.nodes.find((n) => n.fullName === 'x.ext.feed')).toMatchObject({ indexed: false, tableType: null });
  });

  it('gives the same graph whichever order two expansions answered in, and ignores an answer it cannot place', () => {
    const again = { around: 'm.sales.orders', graph: aroundOrders };
    const a = mergeLineage('a.c360.profile', [{ around: 'a.c360.profile', graph: aroundProfile }, again, again]);
    const b = mergeLineage('a.c360.profile', [{ around: 'a.c360.profile', graph: aroundProfile }, again]);
    expect(a).toEqual(b);
    // Around a table the graph does not hold (the root's answer has not come yet): nothing to place it by.
    expect(mergeLineage('a.c360.profile', [again]).nodes).toEqual([]);
  });

  it('holds the picked table even when lineage records nothing around it', () => {
    const m = mergeLineage('m.hr.lonely', [{ around: 'm.hr.lonely', graph: { nodes: [node('m.hr.lonely', 0)], edges: [], columnEdges: [] } }]);
    expect(m.nodes).toEqual([{ fullName: 'm.hr.lonely', indexed: true, tableType: 'MANAGED', distance: 0, expanded: true }]);
    expect(m.edges).toEqual([]);
  });
});

describe('column lineage of a focus', () => {
  const cols = [
    { source: 'm.sales.customers', sourceColumn: 'email', target: 'a.c360.profile', targetColumn: 'email', events: 1 },
    { source: 'm.sales.orders', sourceColumn: 'total_amount', target: 'a.c360.profile', targetColumn: 'lifetime_spend', events: 1 },
    { source: 'm.sales.customers', sourceColumn: 'customer_id', target: 'a.c360.profile', targetColumn: 'customer_id', events: 1 },
    { source: 'a.c360.profile', sourceColumn: 'lifetime_spend', target: 'a.c360.lifetime_value', targetColumn: 'segment', events: 2 },
  ];
  it("keeps an edge's own column pairs, sorted, asked around the edge's source", () => {
    const focus = { kind: 'edge', source: 'm.sales.customers', target: 'a.c360.profile' } as const;
    expect(columnLineageTable(focus)).toBe('m.sales.customers');
    expect(columnEdgesFor(focus, cols).map((c) => `${c.sourceColumn}>${c.targetColumn}`)).toEqual(['customer_id>customer_id', 'email>email']);
  });
  it("keeps every column pair into or out of a table", () => {
    const focus = { kind: 'node', fullName: 'a.c360.profile' } as const;
    expect(columnLineageTable(focus)).toBe('a.c360.profile');
    expect(columnEdgesFor(focus, cols)).toHaveLength(4);
    expect(columnEdgesFor({ kind: 'node', fullName: 'm.sales.orders' }, cols).map((c) => c.sourceColumn)).toEqual(['total_amount']);
  });
});

describe('words', () => {
  it('says where a table sits and splits its name', () => {
    expect([describeDistance(0), describeDistance(-1), describeDistance(2)]).toEqual(['the picked table', '1 hop upstream', '2 hops downstream']);
    expect(splitFullName('main.sales.customers')).toEqual({ parent: 'main.sales', table: 'customers' });
    expect(splitFullName('odd.name')).toEqual({ parent: '', table: 'odd.name' });
  });
});
