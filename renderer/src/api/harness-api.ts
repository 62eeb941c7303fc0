import type { EventName, UcbridgeApi } from '../../../shared/contract';
import type { Store } from '../lib/store';
import type { ConnectionState } from './connection';
import type { HarnessAddress, HarnessLink } from './harness-link';
import { openHarnessSocket } from './harness-socket';
import { buildLazyApi } from './lazy-api';

export interface HarnessApi {
  readonly api: UcbridgeApi;
  readonly connection: Store<ConnectionState>;
  /** Registers what to do when the link comes back (refetch everything: events may have been missed). */
  onReopen(callback: () => void): void;
}


/**
 * `window.api` for a plain browser page served by the harness host. Loaded lazily: the desktop app never needs it.
 * The contract's zod schemas load only with the first event (lazy-api.ts), not on the way to the first render.
 */
export function createHarnessApi(address: HarnessAddress, link?: HarnessLink): HarnessApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reopenCallbacks: Array<() => void> = [];
  const socket = openHarnessSocket({
    address,
    link,
    onEvent: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    onReopen: () => {
      for (const callback of reopenCallbacks) callback();
    },
  });
  const subscribe = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return {
    api: buildLazyApi(socket.invoke, subscribe, async () => (await import('../../../shared/contract')).events),
    connection: socket.connection,
    onReopen: (callback) => reopenCallbacks.push(callback),
  };
}
