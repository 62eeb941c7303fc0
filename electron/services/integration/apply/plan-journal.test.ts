import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../logging';
import { openFileKeyValueStore } from '../../../node';
import { memoryStore, planOf, step } from './apply.test-support';
import { createPlanJournal } from './plan-journal';
import { runPlan } from './run-plan';

const wide = (n: number) => planOf([step('root'), ...Array.from({ length: n }, (_, i) => step(`s${i}`, ['root']))]);

describe('apply journal and resume', () => {
  it('a crash after N steps: a new run of the same plan skips them and reports resumed', async () => {
    const kv = memoryStore();
    const plan = wide(20);
    const firstRun: string[] = [];
    const crash = new AbortController();
    // A step counts as done (its event) only once its journal write landed: the 8th done event is the moment to "crash".
    let doneEvents = 0;
    let eightDone!: () => void;
    const eightRecorded = new Promise<void>((resolve) => (eightDone = resolve));
    // The "crash": after 8 steps finished, every statement hangs, as if the process had stopped.
    const dead = runPlan({
      plan,
      journal: createPlanJournal(kv, 'apply'),
      concurrency: 2,
      signal: crash.signal,
      onStep: (e) => {
        if (e.state === 'done' && ++doneEvents === 8) eightDone();
      },
      executor: (s, signal) => {
        if (firstRun.length >= 8) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('process gone'))));
        firstRun.push(s.id);
        return Promise.resolve();
      },
    });
    await eightRecorded;
    // What reached the store is all a restarted app would see (a new journal object over the same store).
    const secondRun: string[] = [];
    const result = await runPlan({ plan, journal: createPlanJournal(kv, 'apply'), executor: async (s) => void secondRun.push(s.id) });
    expect(result).toMatchObject({ resumed: true, ran: 13, skipped: 8, failed: 0 });
    expect(new Set([...firstRun, ...secondRun]).size).toBe(21);
    expect(secondRun.some((id) => firstRun.includes(id))).toBe(false);
    // Success clears the journal: the next run starts from scratch.
    expect(await createPlanJournal(kv, 'apply').peek()).toBeNull();
    crash.abort();
    await dead.catch(() => undefined);
  });

  it('discards a journal left by another plan (a different hash or kind)', async () => {
    const kv = memoryStore();
    const old = createPlanJournal(kv, 'apply');
    await old.open({ kind: 'setup', hash: 'old' });
    await Promise.all([old.record('root'), old.record('s1')]);
    expect(await old.peek()).toEqual({ kind: 'setup', hash: 'old', done: 2 });
    const ran: string[] = [];
    const result = await runPlan({ plan: wide(2), journal: createPlanJournal(kv, 'apply'), executor: async (s) => void ran.push(s.id) });
    expect(result).toMatchObject({ resumed: false, ran: 3, skipped: 0 });
    expect(ran).toContain('root');

    const other = createPlanJournal(kv, 'apply');
    await other.open({ kind: 'setup', hash: 'h' });
    await other.record('root');
    expect(await createPlanJournal(kv, 'apply').open({ kind: 'uninstall', hash: 'h' })).toEqual({ done: new Set(), resumed: false });
    expect(kv.data.size).toBe(0);
  });

  it('records each step before it counts as done: dependents start only after the write', async () => {
    const kv = memoryStore();
    const seenAtStart: number[] = [];
    await runPlan({
      plan: planOf([step('a'), step('b', ['a']), step('c', ['b'])]),
      journal: createPlanJournal(kv, 'apply'),
      executor: async () => void seenAtStart.push(kv.writes.length),
    });
    expect(seenAtStart).toEqual([0, 1, 2]);
  });

  it('on a wide graph too, every step starts only after all its dependencies are saved in the store', async () => {
    // Fan-out, fan-in and steps with several dependencies, with writes in flight while other steps finish (group
    // commit): a dependent released before its dependency's write landed would run on progress a crash could lose.
    const a = Array.from({ length: 6 }, (_, i) => step(`a${i}`, ['root']));
    const plan = planOf([step('root'), ...a, step('join', a.map((s) => s.id)), ...Array.from({ length: 6 }, (_, i) => step(`b${i}`, ['join', `a${i}`]))]);
    const kv = memoryStore();
    const saved = (): Set<string> => new Set([...kv.data.values()].flatMap((text) => (JSON.parse(text) as { done: string[] }).done));
    const unsaved: string[] = [];
    let n = 0;
    await runPlan({
      plan,
      journal: createPlanJournal(kv, 'apply'),
      concurrency: 4,
      executor: async (s) => {
        const persisted = saved();
        for (const d of s.dependsOn) if (!persisted.has(d)) unsaved.push(`${s.id} started before ${d} was saved`);
        // Some steps finish at once, others a moment later: writes overlap with finishing steps.
        if (n++ % 2 === 0) await new Promise((r) => setImmediate(r));
      },
    });
    expect(unsaved).toEqual([]);
    expect(n).toBe(plan.steps.length);
  });

  it('writes small append-only batches, not the whole journal per step (2,000 steps)', async () => {
    const kv = memoryStore();
    const plan = wide(1999);
    const journal = createPlanJournal(kv, 'apply');
    await runPlan({ plan, journal, concurrency: 8, executor: () => new Promise((r) => setTimeout(r, 0)) });
    const bytes = kv.writes.reduce((n, w) => n + w.bytes, 0);
    // Group commit: fewer writes than steps. Append-only with rare compaction: total bytes grow about linearly,
    // far below one full rewrite per step (≈ 2,000 × 2,000 ids × 8 bytes = 32 MB).
    expect(kv.writes.length).toBeLessThan(2000);
    expect(bytes).toBeLessThan(2_000_000);
    expect(Math.max(...kv.writes.map((w) => w.bytes))).toBeLessThan(40_000);
  });

  it('folds many segments into one and still resumes every recorded step', async () => {
    const kv = memoryStore();
    const j = createPlanJournal(kv, 'apply');
    await j.open({ kind: 'setup', hash: 'h' });
    // One at a time: each write is its own segment, so compaction must kick in.
    for (let i = 0; i < 150; i++) await j.record(`s${i}`);
    expect(kv.data.size).toBeLessThanOrEqual(65);
    const again = await createPlanJournal(kv, 'apply').open({ kind: 'setup', hash: 'h' });
    expect(again.done.size).toBe(150);
    expect(again.resumed).toBe(true);
  });

  it('compaction is crash-atomic: a crash while folding the segments loses no recorded step', async () => {
    // 64 single-step segments: the 65th write folds them all into one. A "crash" at the write of the folded
    // segment (the disk fails, the process dies) must leave the 64 old segments in place, and a crash after it
    // (while deleting the old ones) leaves duplicates, never a gap.
    for (const crashAt of ['write', 'delete'] as const) {
      const kv = memoryStore();
      const j = createPlanJournal(kv, 'apply');
      await j.open({ kind: 'setup', hash: 'h' });
      for (let i = 0; i < 64; i++) await j.record(`s${i}`);
      const crashed = crashAt === 'write' ? (kv.failWrites = true) : (kv.failDeletes = true);
      expect(crashed).toBe(true);
      // The run stops either way (it cannot tell how far the store got); what matters is what a restart sees.
      await expect(j.record('s64'), crashAt).rejects.toMatchObject({ error: { code: 'STORAGE' } });
      kv.failWrites = kv.failDeletes = false;
      const after = await createPlanJournal(kv, 'apply').open({ kind: 'setup', hash: 'h' });
      expect(after.done.size, `steps a restart sees after a crash at the ${crashAt}`).toBe(crashAt === 'write' ? 64 : 65);
      expect(after.resumed).toBe(true);
    }
  });

  it('a failed write stops the run with a STORAGE failure and never counts the step as done', async () => {
    const kv = memoryStore();
    kv.failWrites = true;
    const started: string[] = [];
    const result = await runPlan({ plan: planOf([step('a'), step('b', ['a'])]), journal: createPlanJournal(kv, 'apply'), executor: async (s) => void started.push(s.id) });
    expect(started).toEqual(['a']);
    expect(result).toMatchObject({ ran: 0, failed: 1, failure: { stepId: 'a', message: expect.stringMatching(/could not save the progress/), hint: expect.stringMatching(/disk/) } });
  });
});

describe('apply journal on the file key-value store', () => {
  it('survives a restart (a new store over the same directory) and leaves no file after success', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucbridge-journal-'));
    const logger = createLogger({ level: 'error' });
    try {
      const plan = wide(5);
      const first = createPlanJournal((await openFileKeyValueStore({ dir, logger })).store, 'integration-journal-setup');
      await first.open(plan);
      await Promise.all(['root', 's0', 's1'].map((id) => first.record(id)));
      const restarted = (await openFileKeyValueStore({ dir, logger })).store;
      const ran: string[] = [];
      const result = await runPlan({ plan, journal: createPlanJournal(restarted, 'integration-journal-setup'), executor: async (s) => void ran.push(s.id) });
      expect(result).toMatchObject({ resumed: true, skipped: 3, ran: 3 });
      expect(ran.sort()).toEqual(['s2', 's3', 's4']);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
