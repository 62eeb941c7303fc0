import { describe, expect, it } from 'vitest';
import { edgeId, edgeLabel, nodeLabel, toFlow } from './lineage-flow';
import { mergeLineage } from './lineage-model';

const model = mergeLineage('m.sales.orders', [
  {
    around: 'm.sales.orders',
    graph: {
      nodes: [
        { fullName: 'a.gold.daily', indexed: true, tableType: 'MANAGED', distance: 1 },
        { fullName: 'm.sales.orders', indexed: true, tableType: 'MANAGED', distance: 0 },
        { fullName: 'x.ext.feed', indexed: false, tableType: null, distance: -1 },
      ],
      edges: [
        { source: 'm.sales.orders', target: 'a.gold.daily', events: 3, lastAt: null },
        { source: 'x.ext.feed', target: 'm.sales.orders', events: 1, lastAt: null },
      ],
      columnEdges: [],
    },
  },
]);

describe('toFlow', () => {
  it('turns the model into placed, fixed React Flow nodes and edges with names for screen readers', () => {
    const { nodes, edges } = toFlow(model, null);
    expect(nodes.map((n) => [n.id, n.type, n.draggable, n.connectable, n.deletable, n.selected])).toEqual([
      ['x.ext.feed', 'table', false, false, false, false],
      ['m.sales.orders', 'table', false, false, false, false],
      ['a.gold.daily', 'table', false, false, false, false],
    ]);
    const x = (id: string) => nodes.find((n) => n.id === id)!.position.x;
    expect(x('x.ext.feed')).toBeLessThan(x('m.sales.orders'));
    expect(x('m.sales.orders')).toBeLessThan(x('a.gold.daily'));
    expect(nodes[1]!.data).toMatchObject({ root: true, parent: 'm.sales', table: 'orders', expanded: true });
    expect(nodes[0]!.ariaLabel).toBe('x.ext.feed, 1 hop upstream, not in the crawl, not expanded yet');
    expect(nodes[1]!.ariaLabel).toBe('m.sales.orders, the picked table, MANAGED, expanded');
    expect(edges.map((e) => [e.id, e.ariaLabel])).toEqual([
      [edgeId('m.sales.orders', 'a.gold.daily'), 'm.sales.orders feeds a.gold.daily (3 runs)'],
      [edgeId('x.ext.feed', 'm.sales.orders'), 'x.ext.feed feeds m.sales.orders (1 run)'],
    ]);
  });

  it('marks the focused table or link selected, and nothing else', () => {
    const byNode = toFlow(model, { kind: 'node', fullName: 'a.gold.daily' });
    expect(byNode.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['a.gold.daily']);
    expect(byNode.edges.some((e) => e.selected)).toBe(false);
    const byEdge = toFlow(model, { kind: 'edge', source: 'x.ext.feed', target: 'm.sales.orders' });
    expect(byEdge.edges.filter((e) => e.selected).map((e) => e.id)).toEqual([edgeId('x.ext.feed', 'm.sales.orders')]);
    expect(byEdge.nodes.some((n) => n.selected)).toBe(false);
  });

  it('words a node and a link', () => {
    expect(nodeLabel({ fullName: 'c.s.t', indexed: true, tableType: null, distance: 2, expanded: false })).toBe('c.s.t, 2 hops downstream, table, not expanded yet');
    expect(edgeLabel({ source: 'a.b.c', target: 'd.e.f', events: 0 })).toBe('a.b.c feeds d.e.f (0 runs)');
  });
});
