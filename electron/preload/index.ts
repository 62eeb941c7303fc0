import { contextBridge, ipcRenderer } from 'electron';
import type { EventName } from '../../shared/contract';
import { buildApi } from '../../shared/contract/build-api';
import { EVENT_CHANNEL, invokeChannel, READY_CHANNEL } from '../ipc-wire';

/**
 * The sandboxed preload (bundled to one CommonJS file requiring only `electron`). It exposes `window.api`: one
 * method per contract channel and `on(event, listener)` returning its unsubscribe function, built by the same
 * `buildApi` as the browser harness. `ipcRenderer` itself is never exposed (checklist item 20), and listeners
 * never see the `IpcRendererEvent`.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  if (!('name' in message) || typeof message.name !== 'string') return;
  const payload = 'payload' in message ? message.payload : undefined;
  for (const listener of listeners.get(message.name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error('a ucbridge event listener failed', error);
    }
  }
});

function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
  const set = listeners.get(name) ?? new Set();
  listeners.set(name, set);
  // Wrapped so the same function subscribed twice gets two independent subscriptions.
  const entry = (payload: unknown): void => listener(payload);
  set.add(entry);
  return () => {
    set.delete(entry);
  };
}

const api = buildApi((channel, input) => ipcRenderer.invoke(invokeChannel(channel), input), subscribe);

contextBridge.exposeInMainWorld('api', api);
ipcRenderer.send(READY_CHANNEL);
