import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { channelList } from '../../shared/contract';
import type { EventHub } from '../gateway/event-hub';
import type { Gateway } from '../gateway/gateway';
import { EVENT_CHANNEL, invokeChannel, READY_CHANNEL, type WireEvent } from '../ipc-wire';
import type { Logger } from '../ports';
import { senderInfo } from './sender-info';

export interface IpcBridge {
  /** Trusts a window's webContents and delivers events to it, queued until its preload reports ready. */
  attach(contents: WebContents): void;
  dispose(): void;
}

export interface IpcBridgeDeps {
  readonly gateway: Gateway;
  readonly events: EventHub;
  readonly logger: Logger;
  /** The trusted webContents ids: the bridge adds a window's on attach and removes it when destroyed; the
   * gateway's sender policy reads the same set. */
  readonly trusted: Set<number>;
}

/** Events a window may miss while loading; beyond this the oldest are dropped (progress supersedes itself). */
const MAX_QUEUED = 500;

interface Target {
  readonly contents: WebContents;
  ready: boolean;
  queue: WireEvent[];
}

/**
 * The single ipcMain gateway (checklist item 17): one `ipcMain.handle` per contract channel, each handing the
 * sender and the raw payload to `gateway.dispatch`, which checks the sender (trusted id, main frame, app origin)
 * and validates the payload. Events go only to attached (trusted) webContents that are alive.
 */
export function createIpcBridge(deps: IpcBridgeDeps): IpcBridge {
  const targets = new Map<number, Target>();

  const forget = (id: number): void => {
    targets.delete(id);
    deps.trusted.delete(id);
  };
  const send = (target: Target, event: WireEvent): void => {
    if (target.contents.isDestroyed()) {
      forget(target.contents.id);
      return;
    }
    target.contents.send(EVENT_CHANNEL, event);
  };

  for (const { name } of channelList) {
    ipcMain.handle(invokeChannel(name), (event, input: unknown) =>
      deps.gateway.dispatch(senderInfo(event), name, input),
    );
  }

  const onReady = (event: IpcMainEvent): void => {
    const target = targets.get(event.sender.id);
    if (!target || !senderInfo(event).isMainFrame) return;
    target.ready = true;
    const queued = target.queue;
    target.queue = [];
    for (const e of queued) send(target, e);
  };
  ipcMain.on(READY_CHANNEL, onReady);

  const unsubscribe = deps.events.subscribe((name, payload) => {
    for (const target of [...targets.values()]) {
      if (target.ready) send(target, { name, payload });
      else if (target.queue.push({ name, payload }) > MAX_QUEUED) target.queue.shift();
    }
  });

  return {
    attach(contents) {
      const target: Target = { contents, ready: false, queue: [] };
      targets.set(contents.id, target);
      deps.trusted.add(contents.id);
      // A reload starts a new page whose preload has not subscribed yet.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) target.ready = false;
      });
      contents.once('destroyed', () => forget(contents.id));
    },
    dispose() {
      unsubscribe();
      ipcMain.removeListener(READY_CHANNEL, onReady);
      for (const { name } of channelList) ipcMain.removeHandler(invokeChannel(name));
      for (const id of targets.keys()) deps.trusted.delete(id);
      targets.clear();
    },
  };
}
