import { describe, expect, it } from 'vitest';
import { addFailure, addResult, MAX_TRANSIENT, without, withoutFailure, type Notice } from './notice-list';

const result = (id: number, title = `r${id}`): Notice => ({ id, tone: 'success', title });
const err = { code: 'NETWORK', message: 'Could not reach it.' } as const;

describe('notices', () => {
  it('keeps a failure until it is dismissed, and replaces (never stacks) a failure of the same action', () => {
    let list = addFailure([], 1, 'Disconnect', err);
    list = addFailure(list, 2, 'Re-authenticate', err);
    list = addFailure(list, 3, 'Disconnect', { ...err, message: 'Again.' });
    expect(list.map((n) => [n.id, n.title])).toEqual([
      [2, 'Re-authenticate'],
      [3, 'Disconnect'],
    ]);
    expect(without(list, 3).map((n) => n.id)).toEqual([2]);
    expect(withoutFailure(list, 'Re-authenticate').map((n) => n.id)).toEqual([3]);
  });

  it('treats a cancelled operation as no failure: nothing is added and an earlier failure of it goes away', () => {
    const list = addFailure([], 1, 'Sign in', err);
    expect(addFailure(list, 2, 'Sign in', { code: 'CANCELLED', message: 'Cancelled.' })).toEqual([]);
    const none: readonly Notice[] = [];
    expect(addFailure(none, 3, 'Sign in', { code: 'CANCELLED', message: 'Cancelled.' })).toBe(none);
  });

  it('keeps only the latest few transient results, one per text, and every failure', () => {
    let list = addFailure([], 1, 'Plan', err);
    for (let id = 2; id < 10; id++) list = addResult(list, result(id));
    list = addResult(list, result(10, 'r9'));
    expect(list.filter((n) => n.tone === 'failure')).toHaveLength(1);
    expect(list.filter((n) => n.tone !== 'failure').map((n) => n.id)).toEqual([7, 8, 10].slice(-MAX_TRANSIENT));
  });
});
