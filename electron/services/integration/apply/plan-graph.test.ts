import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/result';
import { step } from './apply.test-support';
import { listScheduleMakespan } from './list-schedule';
import { buildPlanGraph, remainingPath } from './plan-graph';
import { ReadyQueue } from './ready-queue';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AppFailure ? `${e.error.code}: ${e.error.message}` : String(e);
  }
  return undefined;
};

describe('plan graph', () => {
  it('refuses duplicate ids, unknown dependencies and cycles as malformed plans', () => {
    expect(code(() => buildPlanGraph([step('a'), step('a')]))).toMatch(/^INTERNAL: .*"a" appears twice/);
    expect(code(() => buildPlanGraph([step('a', ['x'])]))).toMatch(/^INTERNAL: .*depends on "x", which is not in the plan/);
    expect(code(() => buildPlanGraph([step('a', ['c']), step('b', ['a']), step('c', ['b']), step('d')]))).toMatch(/^INTERNAL: .*cycle/);
  });

  it('orders dependencies first and measures the longest remaining path', () => {
    const g = buildPlanGraph([step('t', ['s']), step('s', ['c']), step('c'), step('g', ['c'])]);
    const position = new Map(g.topological.map((i, k) => [g.steps[i]!.id, k]));
    expect(position.get('c')).toBeLessThan(position.get('s')!);
    expect(position.get('s')).toBeLessThan(position.get('t')!);
    expect([...remainingPath(g, () => 1)]).toEqual([1, 2, 3, 1]);
    // Skipped steps weigh nothing.
    expect([...remainingPath(g, (i) => (g.steps[i]!.id === 's' ? 0 : 1))]).toEqual([1, 1, 2, 1]);
  });

  it('pops the highest priority first, earlier steps first on ties', () => {
    const q = new ReadyQueue([1, 5, 3, 5, 0]);
    for (const i of [4, 3, 2, 1, 0]) q.push(i);
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual([1, 3, 2, 0, 4, undefined]);
  });
});

describe('list schedule (the benchmark ideal)', () => {
  it('is the critical path when the plan is narrow, and work / concurrency when it is wide', () => {
    const chain = [step('a'), step('b', ['a']), step('c', ['b'])];
    expect(listScheduleMakespan(chain, 4, 50)).toBe(150);
    const wide = [step('root'), ...Array.from({ length: 8 }, (_, i) => step(`leaf${i}`, ['root']))];
    expect(listScheduleMakespan(wide, 4, 50)).toBe(150);
    expect(listScheduleMakespan(wide, 1, 50)).toBe(450);
  });

  it('starts the long branch first: a chain of 3 beside 3 single steps fits in 3 slots at concurrency 2', () => {
    const steps = [step('x1'), step('x2'), step('x3'), step('c1'), step('c2', ['c1']), step('c3', ['c2'])];
    expect(listScheduleMakespan(steps, 2, 10)).toBe(30);
  });

  it('counts unchanged steps as free', () => {
    expect(listScheduleMakespan([step('a', [], 'unchanged'), step('b', ['a']), step('c', [], 'unchanged')], 1, 50)).toBe(50);
  });
});
