import { describe, expect, it } from 'vitest';
import { layoutLineage, NODE_HEIGHT, NODE_WIDTH } from './lineage-layout';

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('layoutLineage (dagre)', () => {
  const nodes = ['raw.pos.tx', 'm.sales.orders', 'm.sales.customers', 'a.c360.profile', 'a.c360.ltv', 'a.gold.daily'];
  const edges = [
    { source: 'm.sales.customers', target: 'a.c360.profile' },
    { source: 'm.sales.orders', target: 'a.c360.profile' },
    { source: 'a.c360.profile', target: 'a.c360.ltv' },
    { source: 'm.sales.orders', target: 'a.gold.daily' },
    { source: 'raw.pos.tx', target: 'a.gold.daily' },
  ];

  it('puts every source left of its target, in layers, with no two boxes overlapping', () => {
    const { positions, width, height } = layoutLineage(nodes, edges);
    expect([...positions.keys()].sort()).toEqual([...nodes].sort());
    for (const e of edges) expect(positions.get(e.source)!.x + NODE_WIDTH).toBeLessThan(positions.get(e.target)!.x);
    const xs = new Set([...positions.values()].map((p) => p.x));
    expect(xs.size).toBe(3);
    const all = [...positions.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!)).toBe(false);
    expect(width).toBeGreaterThanOrEqual(3 * NODE_WIDTH);
    expect(height).toBeGreaterThanOrEqual(NODE_HEIGHT);
    for (const p of all) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(width);
    }
  });

  it('draws the same graph the same way whatever order it is given in', () => {
    const a = layoutLineage(nodes, edges);
    const b = layoutLineage([...nodes].reverse(), [...edges].reverse());
    expect([...b.positions.entries()].sort()).toEqual([...a.positions.entries()].sort());
  });

  it('ignores self-loops and edges to tables it was not given', () => {
    const { positions } = layoutLineage(['t.s.a', 't.s.b'], [{ source: 't.s.a', target: 't.s.a' }, { source: 't.s.a', target: 't.s.b' }, { source: 'x.y.z', target: 't.s.b' }]);
    expect([...positions.keys()].sort()).toEqual(['t.s.a', 't.s.b']);
    expect(positions.get('t.s.a')!.x).toBeLessThan(positions.get('t.s.b')!.x);
  });
});
