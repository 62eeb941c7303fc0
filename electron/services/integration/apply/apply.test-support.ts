import type { Plan, PlanStep } from '../../../../shared/integration/plan-types';
import type { Clock, KeyValueStore } from '../../../ports';

/** Helpers for the apply tests: tiny plans, an in-memory store that counts writes, a clock that never waits. */

export function step(id: string, dependsOn: readonly string[] = [], action: PlanStep['action'] = 'create'): PlanStep {
  return { id, sql: `SELECT '${id}'`, purpose: `Step ${id}`, dependsOn: [...dependsOn], inverse: null, action, target: 'main' };
}

export const planOf = (steps: readonly PlanStep[], hash = 'hash-1', kind: Plan['kind'] = 'setup'): Plan => ({ kind, steps: [...steps], hash });

export interface MemoryStore extends KeyValueStore {
  readonly data: Map<string, string>;
  /** Every `set`, in order: key and the JSON size written. */
  readonly writes: { key: string; bytes: number }[];
  /** Makes the next `set` calls reject (a full disk). */
  failWrites: boolean;
  /** Makes the next `delete` calls reject (the process died before them). */
  failDeletes: boolean;
}

export function memoryStore(): MemoryStore {
  const data = new Map<string, string>();
  const writes: { key: string; bytes: number }[] = [];
  const store: MemoryStore = {
    data,
    writes,
    failWrites: false,
    failDeletes: false,
    get: async (key) => (data.has(key) ? (JSON.parse(data.get(key)!) as unknown) : undefined),
    async set(key, value) {
      // A real disk write takes a moment; steps finishing meanwhile must share the next write.
      await new Promise((r) => setTimeout(r, 1));
      if (store.failWrites) throw new Error('ENOSPC: no space left on device');
      const text = JSON.stringify(value);
      writes.push({ key, bytes: text.length });
      data.set(key, text);
    },
    async delete(key) {
      if (store.failDeletes) throw new Error('the process stopped');
      data.delete(key);
    },
    keys: async () => [...data.keys()],
  };
  return store;
}

/** A clock whose sleeps end at once (still honouring cancel), recording each wait. */
export function instantClock(): Clock & { readonly slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => Date.now(),
    sleep(ms, signal) {
      slept.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

/** A clock whose sleeps never end by themselves, only when cancelled; `asleep` resolves when the first one begins. */
export function stoppedClock(): Clock & { readonly asleep: Promise<number> } {
  let began!: (ms: number) => void;
  const asleep = new Promise<number>((resolve) => (began = resolve));
  return {
    asleep,
    now: () => Date.now(),
    sleep(ms, signal) {
      began(ms);
      return new Promise((_, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    },
  };
}

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
