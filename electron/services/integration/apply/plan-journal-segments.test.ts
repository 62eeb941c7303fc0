import { describe, expect, it } from 'vitest';
import { memoryStore, type MemoryStore } from './apply.test-support';
import { createPlanJournal } from './plan-journal';

const PLAN = { kind: 'setup', hash: 'h' } as const;
const segment = (done: string[], plan: { kind: string; hash: string } = PLAN) => ({ v: 1, kind: plan.kind, hash: plan.hash, done });

/** A store listing its keys sorted as text, as a directory listing does: `j.10` before `j.9`. */
function textOrderStore(): MemoryStore {
  const store = memoryStore();
  return Object.assign(store, { keys: async () => [...store.data.keys()].sort() });
}

/** Puts segments straight into the store, as an earlier run (or another owner of the store) left them. */
const put = (kv: MemoryStore, entries: Record<string, unknown>): void => {
  for (const [k, v] of Object.entries(entries)) kv.data.set(k, JSON.stringify(v));
};

describe('apply journal segments in the store', () => {
  it('reads and clears only its own keys: other journals and other entries of the shared store are left alone', async () => {
    const kv = memoryStore();
    const others = { 'j-uninstall.1': segment(['u']), 'j.tmp': segment(['t']), 'j.1x': segment(['y']), 'j.x1': segment(['z']), settings: { theme: 'dark' }, '7': segment(['n']) };
    put(kv, others);
    const j = createPlanJournal(kv, 'j');
    expect(await j.open(PLAN)).toEqual({ done: new Set(), resumed: false });
    expect(await j.peek()).toBeNull();
    await j.record('a');
    expect(await createPlanJournal(kv, 'j').open(PLAN)).toEqual({ done: new Set(['a']), resumed: true });
    await j.clear();
    expect([...kv.data.keys()].sort()).toEqual(Object.keys(others).sort());
  });

  it('resumes after ten or more segments from a store that lists keys as text, and loses none when it goes on', async () => {
    const kv = textOrderStore();
    const first = createPlanJournal(kv, 'j');
    await first.open(PLAN);
    for (let i = 1; i <= 10; i++) await first.record(`s${i}`);
    // A restart: the new journal continues after the highest segment (j.10), not after the last listed (j.9).
    const second = createPlanJournal(kv, 'j');
    expect((await second.open(PLAN)).done.size).toBe(10);
    await second.record('s11');
    expect((await createPlanJournal(kv, 'j').open(PLAN)).done).toEqual(new Set(Array.from({ length: 11 }, (_, i) => `s${i + 1}`)));
  });

  it('a damaged segment reads as nothing: its steps run again, the others still resume', async () => {
    const kv = memoryStore();
    put(kv, { 'j.1': 'not a segment', 'j.2': segment(['a', 'b']) });
    expect(await createPlanJournal(kv, 'j').peek()).toEqual({ kind: 'setup', hash: 'h', done: 2 });
    expect(await createPlanJournal(kv, 'j').open(PLAN)).toEqual({ done: new Set(['a', 'b']), resumed: true });
  });

  it('a journal holding segments of two plans (an interrupted discard) is discarded whole', async () => {
    const kv = memoryStore();
    put(kv, { 'j.1': segment(['old'], { kind: 'setup', hash: 'old' }), 'j.2': segment(['a']) });
    expect(await createPlanJournal(kv, 'j').open(PLAN)).toEqual({ done: new Set(), resumed: false });
    expect(kv.data.size).toBe(0);
  });

  it('peek counts the steps of the first plan it finds only, whatever else lies beside it', async () => {
    const kv = memoryStore();
    put(kv, {
      'j.1': 'damaged',
      'j.2': segment(['a', 'b']),
      'j.3': segment(['c'], { kind: 'uninstall', hash: 'h' }),
      'j.4': segment(['d'], { kind: 'setup', hash: 'other' }),
      'j.5': segment(['b', 'e']),
    });
    expect(await createPlanJournal(kv, 'j').peek()).toEqual({ kind: 'setup', hash: 'h', done: 3 });
  });

  it('each write holds only the steps finished since the last one, until 64 segments are folded into one', async () => {
    const kv = memoryStore();
    const j = createPlanJournal(kv, 'j');
    await j.open(PLAN);
    for (let i = 0; i < 64; i++) await j.record(`s${i}`);
    expect(kv.data.size).toBe(64);
    expect(JSON.parse(kv.data.get('j.2')!)).toEqual(segment(['s1']));
    await j.record('s64');
    expect([...kv.data.keys()]).toEqual(['j.65']);
    expect((JSON.parse(kv.data.get('j.65')!) as { done: string[] }).done).toHaveLength(65);
    // The folded segment counts as one of the next 64, and goes with them at the next fold.
    for (let i = 65; i < 129; i++) await j.record(`s${i}`);
    expect([...kv.data.keys()]).toEqual(['j.129']);
  });

  it('a journal resumed or restarted folds on the same count: the segments it found count too', async () => {
    const kv = memoryStore();
    const first = createPlanJournal(kv, 'j');
    await first.open(PLAN);
    for (let i = 0; i < 40; i++) await first.record(`s${i}`);
    const resumed = createPlanJournal(kv, 'j');
    await resumed.open(PLAN);
    for (let i = 40; i < 64; i++) await resumed.record(`s${i}`);
    expect(kv.data.size).toBe(64);
    await resumed.record('s64');
    expect(kv.data.size).toBe(1);

    // After discarding another plan's journal, counting starts again from none.
    const other = createPlanJournal(kv, 'j');
    await other.open({ kind: 'setup', hash: 'next' });
    for (let i = 0; i < 64; i++) await other.record(`t${i}`);
    expect(kv.data.size).toBe(64);
  });

  it('open and clear wait for a write in flight: open sees it, clear leaves nothing behind', async () => {
    const kv = memoryStore();
    const j = createPlanJournal(kv, 'j');
    await j.open(PLAN);
    const first = j.record('a');
    expect((await j.open(PLAN)).done).toEqual(new Set(['a']));
    await first;
    const second = j.record('b');
    await j.clear();
    await second;
    expect(kv.data.size).toBe(0);
  });

  it('a cleared journal starts over: what it records next folds after 64 segments, as in a new one', async () => {
    const kv = memoryStore();
    const j = createPlanJournal(kv, 'j');
    await j.open(PLAN);
    await j.record('a');
    await j.clear();
    for (let i = 0; i < 64; i++) await j.record(`s${i}`);
    expect(kv.data.size).toBe(64);
  });

  it('refuses to record before it was opened', async () => {
    await expect(createPlanJournal(memoryStore(), 'j').record('a')).rejects.toMatchObject({ error: { code: 'INTERNAL', message: 'The apply journal was written before it was opened.' } });
  });
});
