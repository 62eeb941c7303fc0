import { events, type EventName, type EventPayload } from '../../shared/contract';
import type { Logger } from '../ports';

export type EventSink = (name: EventName, payload: unknown) => void;

export interface EventHub {
  /** Validates the payload against the contract, then hands it to every sink (Electron windows, harness sockets). */
  publish<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(sink: EventSink): () => void;
}

export function createEventHub(logger: Logger): EventHub {
  const sinks = new Set<EventSink>();
  return {
    publish(name, payload) {
      const parsed = events[name].payload.safeParse(payload);
      if (!parsed.success) {
        logger.error('an event did not match its contract', { event: name });
        return;
      }
      for (const sink of sinks) sink(name, parsed.data);
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
