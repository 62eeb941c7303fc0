import type { KeyValueStore } from '../ports';

/**
 * The CLI keeps no state on disk (like its tokens): the apply journal lives for the run. An interrupted CLI apply
 * is resumed by running it again — every statement is idempotent, and the re-plan skips what is in place.
 */
export function createMemoryKeyValueStore(): KeyValueStore {
  const docs = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(docs.get(key)),
    set: async (key, value) => void docs.set(key, structuredClone(value)),
    delete: async (key) => void docs.delete(key),
    keys: async () => [...docs.keys()],
  };
}
