import { describe, expect, it } from 'vitest';
import { formatTable, judge, rowsOf } from './summary';

describe('judge', () => {
  it('reports value / target and whether a max or min target is met', () => {
    expect(judge(150, { max: 300 })).toEqual({ ratio: 0.5, met: true });
    expect(judge(301, { max: 300 })).toMatchObject({ met: false });
    expect(judge(120_000, { min: 150_000 })).toEqual({ ratio: 0.8, met: false });
    expect(judge(150_000, { min: 150_000 })).toEqual({ ratio: 1, met: true });
  });
});

describe('rowsOf / formatTable', () => {
  it('lists numeric figures, with target, ratio and verdict where a target exists', () => {
    const rows = rowsOf({ bench: 'x', a: 86.456, b: 3, note: 'text is not a figure', targets: { a: { max: 300 } } });
    expect(rows).toEqual([
      { bench: 'x', figure: 'a', value: '86.46', target: '≤ 300', ratio: '0.29', verdict: 'ok' },
      { bench: 'x', figure: 'b', value: '3', target: '', ratio: '', verdict: '' },
    ]);
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^benchmark\s+figure\s+value\s+target\s+ratio$/);
    expect(table[1]).toMatch(/^x\s+a\s+86\.46\s+≤ 300\s+0\.29\s+ok$/);
  });
});
