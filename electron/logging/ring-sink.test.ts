import { describe, expect, it } from 'vitest';
import { createRingSink } from './ring-sink';

const record = (n: number) => ({ time: n, level: 'info' as const, scope: '', message: `m${n}` });

describe('createRingSink', () => {
  it('returns the newest entries, oldest first', () => {
    const ring = createRingSink(3);
    for (let i = 1; i <= 5; i++) ring.sink(record(i));
    expect(ring.recent(10).map((e) => e.message)).toEqual(['m3', 'm4', 'm5']);
    expect(ring.recent(2).map((e) => e.message)).toEqual(['m4', 'm5']);
  });

  it('works before it is full', () => {
    const ring = createRingSink(10);
    ring.sink(record(1));
    ring.sink(record(2));
    expect(ring.recent(1)).toEqual([{ time: 2, level: 'info', message: 'm2' }]);
    expect(ring.recent(10).map((e) => e.message)).toEqual(['m1', 'm2']);
  });
});
