import {
  HARNESS_SOCKET_PATH,
  HarnessServerMessageSchema,
  harnessSubprotocol,
  type HarnessClientMessage,
} from '../../../shared/contract/harness-protocol';
import { createStore, type Store } from '../lib/store';
import type { ConnectionState } from './connection';

export interface HarnessSocketOptions {
  readonly secret: string;
  /** `location` of the page: the socket goes to the same host that served it. */
  readonly location: Pick<Location, 'protocol' | 'host'>;
  readonly onEvent: (name: string, payload: unknown) => void;
  /** Called each time the link opens again after being lost (not on the first open). */
  readonly onReopen: () => void;
  /** How long a call may wait for the link to (re)open before it fails. */
  readonly connectWaitMs?: number;
}

export interface HarnessSocket {
  invoke(channel: string, input: unknown): Promise<unknown>;
  readonly connection: Store<ConnectionState>;
  close(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: Error) => void;
  readonly message: HarnessClientMessage;
  sent: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

/** Exponential back-off with jitter, so a restarting host is not hammered by every open window at once. */
export const reconnectDelay = (attempts: number, random = Math.random): number =>
  Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** Math.min(attempts, 6)) * (0.75 + random() / 2);

/**
 * The browser harness's half of the contract transport (shared/contract/harness-protocol.ts). Calls made while
 * the link is down wait for it (up to `connectWaitMs`); calls in flight when it drops fail, because their outcome
 * is unknown. The link is re-established politely, with back-off, for as long as the page is open.
 */
export function openHarnessSocket(options: HarnessSocketOptions): HarnessSocket {
  const scheme = options.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${options.location.host}${HARNESS_SOCKET_PATH}`;
  const connection = createStore<ConnectionState>({ status: 'connecting', attempts: 0 });
  const pending = new Map<number, Pending>();
  const connectWaitMs = options.connectWaitMs ?? 15_000;
  let socket: WebSocket | undefined;
  let nextId = 1;
  let everOpen = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (entry: Pending): void => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify(entry.message));
    entry.sent = true;
    clearTimeout(entry.timer);
  };

  const settle = (id: number, result: unknown): void => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    entry.resolve(result);
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const message = HarnessServerMessageSchema.safeParse(json);
    if (!message.success) return;
    if (message.data.type === 'result') settle(message.data.id, message.data.result);
    else options.onEvent(message.data.name, message.data.payload);
  };

  const failInFlight = (): void => {
    for (const [id, entry] of pending) {
      if (!entry.sent) continue;
      pending.delete(id);
      entry.reject(new Error('The connection to ucbridge was lost before it answered.'));
    }
  };

  const connect = (): void => {
    if (closed) return;
    const ws = new WebSocket(url, harnessSubprotocol(options.secret));
    socket = ws;
    ws.addEventListener('open', () => {
      const reopened = everOpen;
      everOpen = true;
      connection.set({ status: 'open', attempts: 0 });
      for (const entry of pending.values()) if (!entry.sent) send(entry);
      if (reopened) options.onReopen();
    });
    ws.addEventListener('message', (e) => onMessage(e.data));
    // A failed or broken link is always followed by `close`, which handles it; nothing to do on `error` itself.
    ws.addEventListener('error', () => undefined);
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = undefined;
      failInFlight();
      if (closed) return;
      const attempts = connection.get().attempts + 1;
      const delay = reconnectDelay(attempts - 1);
      connection.set({ status: everOpen ? 'reconnecting' : 'connecting', attempts, retryAt: Date.now() + delay });
      retryTimer = setTimeout(connect, delay);
    });
  };

  connect();

  return {
    connection,
    invoke(channel, input) {
      return new Promise((resolve, reject) => {
        if (closed) return reject(new Error('The connection to ucbridge is closed.'));
        const id = nextId++;
        const entry: Pending = { resolve, reject, sent: false, message: { type: 'invoke', id, channel, input } };
        pending.set(id, entry);
        send(entry);
        if (entry.sent) return;
        entry.timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('ucbridge did not answer: the connection could not be opened.'));
        }, connectWaitMs);
      });
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
      for (const [id, entry] of pending) {
        pending.delete(id);
        clearTimeout(entry.timer);
        entry.reject(new Error('The connection to ucbridge is closed.'));
      }
    },
  };
}
