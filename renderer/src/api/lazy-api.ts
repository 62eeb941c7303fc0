import type { EventName, UcbridgeApi } from '../../../shared/contract';
import type { EventSpec } from '../../../shared/contract/define';
import { callChannel } from '../../../shared/contract/reply';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;
export type EventSpecs = Readonly<Record<string, EventSpec>>;

/**
 * `window.api` for the browser harness, built without the contract's zod schemas: building all of them took about a
 * third of the page's time to its first render (bench/renderer-size.ts). A call needs only its channel's name —
 * `api.session.state(input)` sends `session.state`, and main's gateway checks the name and the input against the
 * contract as it does for the desktop app. Event payloads are still validated against the contract, whose schemas
 * load with the first event; until then events wait, in order.
 */
export function buildLazyApi(invoke: Invoke, subscribe: Subscribe, loadEvents: () => Promise<EventSpecs>): UcbridgeApi {
  let specs: Promise<EventSpecs> | undefined;
  const domains = new Map<string, object>();
  const domain = (name: string): object => {
    const methods = new Map<string, (input: unknown) => Promise<unknown>>();
    return new Proxy(Object.freeze({}), {
      get: (_target, method) => {
        // Not a thenable, and no symbol lookups (React and devtools probe objects with both).
        if (typeof method !== 'string' || method === 'then') return undefined;
        let call = methods.get(method);
        if (!call) methods.set(method, (call = (input: unknown) => callChannel(invoke, `${name}.${method}`, input)));
        return call;
      },
    });
  };
  const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    let active = true;
    let queue: Promise<unknown> = Promise.resolve();
    const off = subscribe(name, (payload) => {
      specs ??= loadEvents();
      const loaded = specs;
      queue = queue
        .then(() => loaded)
        .then((all) => {
          const parsed = all[name]?.payload.safeParse(payload);
          if (active && parsed?.success) listener(parsed.data);
        })
        .catch(() => undefined);
    });
    return () => {
      active = false;
      off();
    };
  };
  return new Proxy(Object.freeze({}), {
    get: (_target, key) => {
      if (key === 'on') return on;
      if (typeof key !== 'string' || key === 'then') return undefined;
      let d = domains.get(key);
      if (!d) domains.set(key, (d = domain(key)));
      return d;
    },
  }) as UcbridgeApi;
}
