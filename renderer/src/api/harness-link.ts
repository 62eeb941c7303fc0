import { HARNESS_META_NAME, HARNESS_SOCKET_PATH, harnessSubprotocol } from '../../../shared/contract/harness-names';
import type { HarnessClientMessage } from '../../../shared/contract/harness-protocol';

/**
 * The browser harness's link to main, opened by a tiny script index.html runs first (`<script type="module" async>`,
 * added by scripts/vite-early-script.ts), long before the app's own JavaScript has downloaded and run. A WebSocket
 * opens only when the page's main thread is free to take the handshake's answer, and once the app's code runs it is
 * busy until React has rendered: opened from the app, the socket opened after the first render and the first calls
 * went out only then (bench/renderer-size.ts). Opened here, it is open, and the first render's calls answered, while
 * the app's files still download. The app's transport (harness-socket.ts) then takes the socket over, with what it
 * received so far, and the first calls' answers serve the first time the app asks for those channels.
 *
 * In the desktop app (the Electron preload's `window.api`) this script does nothing.
 */

/** The channels the first render waits for (the header's session and app facts, step 1's choices and CA trust). */
export const FIRST_CALLS: readonly string[] = ['session.state', 'app.info', 'auth.choices', 'app.caTrust'];

export interface HarnessLink {
  readonly socket: WebSocket;
  /** The first calls, ids 1…n, each with input `{}`; sent as soon as the socket opens. */
  readonly calls: readonly HarnessClientMessage[];
  /** Stops this link's own listeners: the messages received so far, in order, and whether the calls went out. */
  handOver(): { readonly sent: boolean; readonly messages: readonly unknown[] };
}

type Page = Pick<Window, 'api' | 'document' | 'location'>;

/** Where the page's socket to main goes, and the subprotocol that proves the page was served by the harness. */
export interface HarnessAddress {
  readonly url: string;
  readonly protocol: string;
}

/** The per-run secret the harness host put in the index.html it served; absent anywhere else. */
export function findHarnessSecret(doc: Pick<Document, 'querySelector'>): string | undefined {
  const secret = doc.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_META_NAME}"]`)?.content.trim();
  return secret === undefined || secret === '' ? undefined : secret;
}

/** The socket goes to the host that served the page. */
export function harnessSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${HARNESS_SOCKET_PATH}`;
}

/** The harness's address for this page; none where the harness did not serve it. */
export function harnessAddress(page: Pick<Window, 'document' | 'location'>): HarnessAddress | undefined {
  const secret = findHarnessSecret(page.document);
  return secret === undefined ? undefined : { url: harnessSocketUrl(page.location), protocol: harnessSubprotocol(secret) };
}

export function openHarnessLink(page: Page): HarnessLink | undefined {
  const address = page.api ? undefined : harnessAddress(page);
  if (!address) return undefined;
  const socket = new WebSocket(address.url, address.protocol);
  const calls = FIRST_CALLS.map((channel, i): HarnessClientMessage => ({ type: 'invoke', id: i + 1, channel, input: {} }));
  const messages: unknown[] = [];
  let sent = false;
  const onOpen = (): void => {
    for (const call of calls) socket.send(JSON.stringify(call));
    sent = true;
  };
  const onMessage = (e: MessageEvent): void => void messages.push(e.data);
  socket.addEventListener('open', onOpen);
  socket.addEventListener('message', onMessage);
  return {
    socket,
    calls,
    handOver() {
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('message', onMessage);
      return { sent, messages };
    },
  };
}

// Opened when this module first runs; in the browser that is the early script, before the app's code.
let early: HarnessLink | undefined = typeof window === 'undefined' ? undefined : openHarnessLink(window);

/** The link opened at start, once: whoever takes it owns it (a reconnect opens its own socket). */
export function takeHarnessLink(): HarnessLink | undefined {
  const link = early;
  early = undefined;
  return link;
}
