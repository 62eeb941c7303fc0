import { events, channelList, type EventName, type UcbridgeApi } from './index';
import { callChannel } from './reply';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.api` from the contract over Electron's ipcRenderer in the preload: one method per channel (channel
 * names are fixed here, never taken from the page), and a typed event subscription that validates payloads and
 * returns its unsubscribe function. The browser harness builds the same API without loading the schemas up front
 * (renderer/src/api/lazy-api.ts): main's gateway refuses any channel the contract lacks either way.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): UcbridgeApi {
  const api: Record<string, unknown> = {};
  for (const { domain, method, name } of channelList) {
    const methods = (api[domain] ??= {}) as Record<string, unknown>;
    methods[method] = (input: unknown) => callChannel(invoke, name, input);
  }
  api.on = (name: EventName, listener: (payload: unknown) => void) => {
    const spec = events[name];
    if (!spec) throw new Error(`Unknown event "${String(name)}"`);
    return subscribe(name, (payload) => {
      const parsed = spec.payload.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };
  for (const domain of Object.values(api)) if (typeof domain === 'object') Object.freeze(domain);
  return Object.freeze(api) as unknown as UcbridgeApi;
}
