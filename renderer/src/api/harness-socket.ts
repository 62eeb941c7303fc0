import type { HarnessClientMessage } from '../../../shared/contract/harness-protocol';
import { readHarnessServerMessage } from '../../../shared/contract/harness-server-message';
import { createStore, type Store } from '../lib/store';
import type { ConnectionState } from './connection';
import type { HarnessAddress, HarnessLink } from './harness-link';

export interface HarnessSocketOptions {
  /** The page's host and the per-run secret's subprotocol (harness-link.ts, harnessAddress). */
  readonly address: HarnessAddress;
  readonly onEvent: (name: string, payload: unknown) => void;
  /** Called each time the link opens again after being lost (not on the first open). */
  readonly onReopen: () => void;
  /** How long a call may wait for the link to (re)open before it fails. */
  readonly connectWaitMs?: number;
  /** The link the page opened at start (harness-link.ts): its socket is used first, and its first calls' answers. */
  readonly link?: HarnessLink;
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

/** A call's input is `{}`, as the first calls' are. */
const isEmptyInput = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0;

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
  const connection = createStore<ConnectionState>({ status: 'connecting', attempts: 0 });
  const pending = new Map<number, Pending>();
  /** The early link's calls by channel, each answering the first call to its channel with input `{}`, once. */
  const early = new Map<string, { readonly id: number; readonly answer: Promise<unknown> }>();
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

  /** Sends a call now, or once the link opens if that is within `connectWaitMs`; `sent`: it already went out. */
  const track = (message: HarnessClientMessage, sent = false): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const entry: Pending = { resolve, reject, sent, message };
      pending.set(message.id, entry);
      if (!sent) send(entry);
      if (entry.sent) return;
      entry.timer = setTimeout(() => {
        pending.delete(message.id);
        forgetEarly(message.id);
        reject(new Error('ucbridge did not answer: the connection could not be opened.'));
      }, connectWaitMs);
    });

  // An early call that failed was nobody's yet: the first caller of its channel asks afresh instead.
  const forgetEarly = (id: number): void => {
    for (const [channel, call] of early) if (call.id === id) early.delete(channel);
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
    const message = readHarnessServerMessage(json);
    if (!message) return;
    if (message.type === 'result') settle(message.id, message.result);
    else options.onEvent(message.name, message.payload);
  };

  const failInFlight = (): void => {
    for (const [id, entry] of pending) {
      if (!entry.sent) continue;
      pending.delete(id);
      forgetEarly(id);
      entry.reject(new Error('The connection to ucbridge was lost before it answered.'));
    }
  };

  const opened = (): void => {
    const reopened = everOpen;
    everOpen = true;
    connection.set({ status: 'open', attempts: 0 });
    for (const entry of pending.values()) if (!entry.sent) send(entry);
    if (reopened) options.onReopen();
  };

  const lost = (ws: WebSocket): void => {
    if (socket !== ws) return;
    socket = undefined;
    failInFlight();
    if (closed) return;
    const attempts = connection.get().attempts + 1;
    const delay = reconnectDelay(attempts - 1);
    connection.set({ status: everOpen ? 'reconnecting' : 'connecting', attempts, retryAt: Date.now() + delay });
    retryTimer = setTimeout(connect, delay);
  };

  const attach = (ws: WebSocket): void => {
    socket = ws;
    ws.addEventListener('open', opened);
    ws.addEventListener('message', (e) => onMessage(e.data));
    // A failed or broken link is always followed by `close`, which handles it; nothing to do on `error` itself.
    ws.addEventListener('error', () => undefined);
    ws.addEventListener('close', () => lost(ws));
  };

  function connect(): void {
    if (!closed) attach(new WebSocket(options.address.url, options.address.protocol));
  }

  /** Takes over the early link's socket where it stands: its calls in flight (or still to send), what it received. */
  const adopt = (link: HarnessLink): void => {
    const { sent, messages } = link.handOver();
    for (const call of link.calls) {
      nextId = Math.max(nextId, call.id + 1);
      const answer = track(call, sent);
      // Nobody may ever ask for it; its failure is then nobody's.
      answer.catch(() => undefined);
      early.set(call.channel, { id: call.id, answer });
    }
    attach(link.socket);
    for (const data of messages) onMessage(data);
    if (link.socket.readyState === WebSocket.OPEN) opened();
    else if (link.socket.readyState !== WebSocket.CONNECTING) lost(link.socket);
  };

  if (options.link) adopt(options.link);
  else connect();

  return {
    connection,
    invoke(channel, input) {
      if (closed) return Promise.reject(new Error('The connection to ucbridge is closed.'));
      const first = isEmptyInput(input) ? early.get(channel) : undefined;
      if (first) {
        early.delete(channel);
        return first.answer;
      }
      return track({ type: 'invoke', id: nextId++, channel, input });
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
