import { events, channelList, type EventName, type UcbridgeApi } from './index';
import { AppErrorSchema, type Result } from '../result';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;

const malformed: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'ucbridge received a malformed reply from its main process.' },
};

/** Checks the envelope's shape only; the value was parsed against the contract in main before it was sent. */
function asResult(reply: unknown): Result<unknown> {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return malformed;
  if (reply.ok === true && 'value' in reply) return { ok: true, value: reply.value };
  if (reply.ok === false && 'error' in reply) {
    const error = AppErrorSchema.safeParse(reply.error);
    return error.success ? { ok: false, error: error.data } : malformed;
  }
  return malformed;
}

/**
 * Builds `window.api` from the contract over a transport: Electron's ipcRenderer in the preload, or the browser
 * harness's WebSocket. One method per channel (channel names are fixed here, never taken from the page), and a
 * typed event subscription that validates payloads and returns its unsubscribe function.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): UcbridgeApi {
  const api: Record<string, unknown> = {};
  for (const { domain, method, name } of channelList) {
    const methods = (api[domain] ??= {}) as Record<string, unknown>;
    methods[method] = async (input: unknown) => {
      try {
        return asResult(await invoke(name, input ?? {}));
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'ucbridge could not reach its main process.' },
        } satisfies Result<never>;
      }
    };
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
