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

  it('names a step on the cycle, not one before it', () => {
    expect(code(() => buildPlanGraph([step('root'), step('b', ['root', 'c']), step('c', ['b'])]))).toMatch(/cycle \(through "b"\)/);
  });

  it('quotes at most 80 characters of a step id in its message (ids come from the plan, any length)', () => {
    const long = `grant:${'x'.repeat(200)}`;
    const cut = long.slice(0, 80);
    const messages = [
      code(() => buildPlanGraph([step(long), step(long)])),
      code(() => buildPlanGraph([step(long, [`${long}-missing`])])),
      code(() => buildPlanGraph([step(long, [long])])),
    ];
    for (const m of messages) {
      expect(m).toContain(`"${cut}"`);
      expect(m).not.toContain(long.slice(0, 81));
    }
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

  it('pops in priority order whatever the push order (a heap of many steps, against a sort)', () => {
    // A fixed pseudo-random sequence: repeatable, and big enough for the heap to be several levels deep.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const n = 1 + (next() % 40);
      const priority = Array.from({ length: n }, () => next() % 5);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => (next() % 3) - 1);
      const q = new ReadyQueue(priority);
      const popped: number[] = [];
      // Pushes and pops interleaved, as the scheduler does.
      for (const i of order) {
        q.push(i);
        if (next() % 3 === 0) popped.push(q.pop()!);
      }
      while (q.size > 0) popped.push(q.pop()!);
      expect(popped.sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      // Drained from a full queue: the exact order of a sort by priority, then by position.
      const full = new ReadyQueue(priority);
      for (const i of order) full.push(i);
      const drained = Array.from({ length: n }, () => full.pop()!);
      expect(drained).toEqual([...Array(n).keys()].sort((a, b) => priority[b]! - priority[a]! || a - b));
    }
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

  it('a step starts only when all its dependencies finished, and the run lasts until the last step ends', () => {
    // u is free (unchanged) and finishes at once; j needs both u and the 100 ms step x.
    expect(listScheduleMakespan([step('x'), step('u', [], 'unchanged'), step('j', ['u', 'x'])], 2, 100)).toBe(200);
    // One worker: x, then u (free), then j once: a step released twice would run twice.
    expect(listScheduleMakespan([step('x'), step('u', [], 'unchanged'), step('j', ['u', 'x'])], 1, 100)).toBe(200);
    expect(listScheduleMakespan([step('x'), step('u', [], 'unchanged')], 2, 100)).toBe(100);
  });

  it('frees a slot at the earliest finish: a free step done at once lets its dependents start beside a long one', () => {
    // x runs 0-100 beside u (done at 0); y starts at 0 in u's slot, z waits for a slot: 100-200.
    expect(listScheduleMakespan([step('x'), step('u', [], 'unchanged'), step('y', ['u']), step('z', ['u'])], 2, 100)).toBe(200);
  });

  it('counts unchanged steps as free', () => {
    expect(listScheduleMakespan([step('a', [], 'unchanged'), step('b', ['a']), step('c', [], 'unchanged')], 1, 50)).toBe(50);
  });
});
