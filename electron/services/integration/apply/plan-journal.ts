import { z } from 'zod';
import { PlanKindSchema, type PlanKind } from '../../../../shared/integration/plan-types';
import { AppFailure } from '../../../../shared/result';
import type { KeyValueStore } from '../../../ports';

/**
 * The apply journal: which steps of which plan have finished, saved as they finish, so that a crash, a cancel or
 * a dropped connection resumes where it stopped.
 *
 * Crash safety: a step counts as done (its dependents start, progress moves) only after `record` resolved, i.e.
 * after the key-value store wrote it atomically (the file store fsyncs and renames). A crash then loses at most
 * steps that had not yet counted as done; running them again is safe because every statement is idempotent.
 *
 * Cost: each write is an append-only segment (`<key>.<seq>`) holding only the steps finished since the last one,
 * and steps that finish while a write is in flight go together in the next (group commit). 2,000 steps never
 * rewrite a 2,000-id document 2,000 times; every COMPACT_AFTER segments are folded into one (written first, the
 * old ones deleted after, so a crash in between leaves duplicates, never a gap).
 */
export interface PlanJournal {
  /** What an interrupted run of exactly this plan (kind and hash) finished; a journal of any other plan is discarded. */
  open(plan: { readonly kind: PlanKind; readonly hash: string }): Promise<{ readonly done: ReadonlySet<string>; readonly resumed: boolean }>;
  /** Resolves once the step is durably recorded; rejects with STORAGE when it could not be. */
  record(stepId: string): Promise<void>;
  /** After a successful run: nothing is left to resume. */
  clear(): Promise<void>;
  /** The journal an interrupted run left, without touching it (the UI's "resume" offer). */
  peek(): Promise<{ readonly kind: PlanKind; readonly hash: string; readonly done: number } | null>;
}

const SegmentSchema = z.object({ v: z.literal(1), kind: PlanKindSchema, hash: z.string(), done: z.array(z.string()) });
type Segment = z.infer<typeof SegmentSchema>;

const COMPACT_AFTER = 64;

const storageFailure = (): AppFailure =>
  new AppFailure({ code: 'STORAGE', message: 'ucbridge could not save the progress of the apply.', hint: 'Check that the disk is not full, then apply again: it resumes from the last saved step.' });

export function createPlanJournal(kv: KeyValueStore, key: string): PlanJournal {
  const prefix = `${key}.`;
  let plan: { kind: PlanKind; hash: string } | undefined;
  let seq = 0;
  let segmentKeys: string[] = [];
  const done = new Set<string>();
  let batch: { id: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writing: Promise<void> | undefined;

  async function load(): Promise<{ keys: string[]; segments: (Segment | undefined)[]; last: number }> {
    const keys = (await kv.keys())
      .filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
    // A segment the store set aside as damaged reads as undefined: its steps simply run again.
    const segments = await Promise.all(keys.map(async (k) => SegmentSchema.safeParse(await kv.get(k)).data));
    return { keys, segments, last: keys.length ? Number(keys.at(-1)!.slice(prefix.length)) : 0 };
  }

  async function write(ids: readonly string[]): Promise<void> {
    const current = plan!;
    for (const id of ids) done.add(id);
    const compact = segmentKeys.length >= COMPACT_AFTER;
    const next = `${prefix}${++seq}`;
    const segment: Segment = { v: 1, kind: current.kind, hash: current.hash, done: compact ? [...done] : [...ids] };
    await kv.set(next, segment);
    if (compact) {
      const old = segmentKeys;
      segmentKeys = [next];
      await Promise.all(old.map((k) => kv.delete(k)));
    } else segmentKeys.push(next);
  }

  async function pump(): Promise<void> {
    while (batch.length > 0) {
      const waiting = batch;
      batch = [];
      try {
        await write(waiting.map((w) => w.id));
        for (const w of waiting) w.resolve();
      } catch {
        for (const w of waiting) w.reject(storageFailure());
      }
    }
    writing = undefined;
  }

  const settled = async (): Promise<void> => {
    while (writing) await writing;
  };

  return {
    async open(p) {
      await settled();
      const { keys, segments, last } = await load();
      const same = segments.every((s) => s === undefined || (s.kind === p.kind && s.hash === p.hash));
      plan = { kind: p.kind, hash: p.hash };
      done.clear();
      seq = last;
      if (!same) {
        await Promise.all(keys.map((k) => kv.delete(k)));
        segmentKeys = [];
        return { done: new Set(), resumed: false };
      }
      segmentKeys = keys;
      for (const s of segments) for (const id of s?.done ?? []) done.add(id);
      return { done: new Set(done), resumed: done.size > 0 };
    },
    record(stepId) {
      if (!plan) return Promise.reject(new AppFailure({ code: 'INTERNAL', message: 'The apply journal was written before it was opened.' }));
      return new Promise<void>((resolve, reject) => {
        batch.push({ id: stepId, resolve, reject });
        writing ??= pump();
      });
    },
    async clear() {
      await settled();
      const { keys } = await load();
      await Promise.all(keys.map((k) => kv.delete(k)));
      segmentKeys = [];
      done.clear();
    },
    async peek() {
      const { segments } = await load();
      const first = segments.find((s) => s !== undefined);
      if (!first) return null;
      const ids = new Set(segments.flatMap((s) => (s && s.kind === first.kind && s.hash === first.hash ? s.done : [])));
      return { kind: first.kind, hash: first.hash, done: ids.size };
    },
  };
}
