import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract/build-api';
import { EVENT_CHANNEL, invokeChannel, READY_CHANNEL } from '../ipc-wire';
import { createEventRouter } from './event-router';

/**
 * The sandboxed preload (bundled to one CommonJS file requiring only `electron`). It exposes `window.api`: one
 * method per contract channel and `on(event, listener)` returning its unsubscribe function, built by the same
 * `buildApi` as the browser harness. `ipcRenderer` itself is never exposed (checklist item 20), and listeners
 * never see the `IpcRendererEvent`. Main queues events until "ready", sent once the page subscribes (event-router).
 */
const router = createEventRouter({
  signalReady: () => ipcRenderer.send(READY_CHANNEL),
  onListenerError: (error) => console.error('a ucbridge event listener failed', error),
});

ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => router.deliver(message));

const api = buildApi((channel, input) => ipcRenderer.invoke(invokeChannel(channel), input), router.subscribe);

contextBridge.exposeInMainWorld('api', api);
