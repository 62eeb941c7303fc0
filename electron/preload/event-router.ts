import type { EventName } from '../../shared/contract';

/**
 * The preload's event side, without Electron so it can be tested: listeners by event name, delivery of one
 * `ucbridge:event` message, and the "ready" signal after which main stops queueing events for this page.
 *
 * Ready is signalled when the page first subscribes, one task later: React subscribes in its effects, which run
 * for one commit within one task, so by then every listener of the first render is in place and the events main
 * queued while the page loaded reach them. Signalling when the preload loads (before any script of the page) would
 * flush that queue to no listener at all.
 */
export interface EventRouter {
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  deliver(message: unknown): void;
}

export interface EventRouterOptions {
  readonly signalReady: () => void;
  /** Runs the ready signal later; defaults to the next task (`setTimeout(…, 0)`). */
  readonly later?: (run: () => void) => void;
  readonly onListenerError?: (error: unknown) => void;
}

export function createEventRouter(options: EventRouterOptions): EventRouter {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const later = options.later ?? ((run: () => void) => void setTimeout(run, 0));
  let readyScheduled = false;

  return {
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry = (payload: unknown): void => listener(payload);
      set.add(entry);
      if (!readyScheduled) {
        readyScheduled = true;
        later(options.signalReady);
      }
      return () => {
        set.delete(entry);
      };
    },
    deliver(message) {
      if (typeof message !== 'object' || message === null) return;
      if (!('name' in message) || typeof message.name !== 'string') return;
      const payload = 'payload' in message ? message.payload : undefined;
      for (const listener of listeners.get(message.name) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          options.onListenerError?.(error);
        }
      }
    },
  };
}
