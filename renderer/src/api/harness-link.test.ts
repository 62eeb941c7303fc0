import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { contract } from '../../../shared/contract';
import type { UcbridgeApi } from '../../../shared/contract';
import { FIRST_CALLS, findHarnessSecret, harnessAddress, harnessSocketUrl, openHarnessLink, takeHarnessLink, type HarnessLink } from './harness-link';

/** Records what each connection sent and its subprotocol; answers nothing until told to. */
function startServer(): Promise<{ wss: WebSocketServer; received: unknown[]; protocols: string[] }> {
  const received: unknown[] = [];
  const protocols: string[] = [];
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => [...offered][0] ?? false });
    wss.on('connection', (ws) => {
      protocols.push(ws.protocol);
      ws.on('message', (data) => received.push(JSON.parse(data.toString())));
    });
    wss.on('listening', () => resolve({ wss, received, protocols }));
  });
}

const page = (port: number, secret: string | undefined, api?: UcbridgeApi) => ({
  api,
  document: {
    querySelector: (selector: string) => (selector === 'meta[name="ucbridge-harness"]' && secret !== undefined ? { content: ` ${secret} ` } : null),
  } as unknown as Document,
  location: { protocol: 'http:', host: `127.0.0.1:${port}` } as Location,
});

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the harness link opened at start', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let link: HarnessLink | undefined;
  beforeEach(async () => {
    // Node 20 has no global WebSocket; `ws` implements the same browser API (addEventListener, OPEN).
    vi.stubGlobal('WebSocket', NodeWebSocket);
    server = await startServer();
  });
  afterEach(async () => {
    link?.socket.close();
    for (const client of server.wss.clients) client.terminate();
    await new Promise((resolve) => server.wss.close(resolve));
    vi.unstubAllGlobals();
  });
  const port = () => (server.wss.address() as { port: number }).port;

  it('opens the socket with the page’s secret and sends the first render’s calls as soon as it opens', async () => {
    link = openHarnessLink(page(port(), 's3cret'));
    expect(link).toBeDefined();
    await until(() => server.received.length === FIRST_CALLS.length);
    expect(server.protocols).toEqual(['ucbridge.s3cret']);
    expect(server.received).toEqual(FIRST_CALLS.map((channel, i) => ({ type: 'invoke', id: i + 1, channel, input: {} })));
    expect(link!.calls.map((c) => c.id)).toEqual([1, 2, 3, 4]);
  });

  it('keeps what arrives until it is handed over, then stops listening', async () => {
    link = openHarnessLink(page(port(), 's3cret'))!;
    await until(() => server.received.length === FIRST_CALLS.length);
    for (const client of server.wss.clients) client.send('{"type":"result","id":1,"result":{"ok":true,"value":1}}');
    await new Promise((r) => setTimeout(r, 100));
    const handed = link.handOver();
    expect(handed).toEqual({ sent: true, messages: ['{"type":"result","id":1,"result":{"ok":true,"value":1}}'] });
    for (const client of server.wss.clients) client.send('{"type":"event","name":"x","payload":1}');
    await new Promise((r) => setTimeout(r, 100));
    expect(handed.messages).toHaveLength(1);
  });

  it('says the calls did not go out when handed over before the socket opened, and then sends nothing itself', async () => {
    link = openHarnessLink(page(port(), 's3cret'))!;
    expect(link.handOver()).toEqual({ sent: false, messages: [] });
    await until(() => link!.socket.readyState === WebSocket.OPEN);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.received).toEqual([]);
  });

  it('does nothing in the desktop app (the preload’s window.api) or on a page the harness did not serve', () => {
    expect(openHarnessLink(page(port(), 's3cret', {} as UcbridgeApi))).toBeUndefined();
    expect(openHarnessLink(page(port(), undefined))).toBeUndefined();
    expect(openHarnessLink(page(port(), '  '))).toBeUndefined();
    expect(server.wss.clients.size).toBe(0);
  });

  it('has no link to give outside a browser (no window)', () => {
    expect(takeHarnessLink()).toBeUndefined();
  });
});

describe('harness page facts', () => {
  it('reads the secret from the meta tag, trimmed; goes to ws: or wss: on the page’s host', () => {
    expect(findHarnessSecret(page(1, ' abc ').document)).toBe('abc');
    expect(findHarnessSecret(page(1, undefined).document)).toBeUndefined();
    expect(harnessSocketUrl({ protocol: 'http:', host: '127.0.0.1:5' })).toBe('ws://127.0.0.1:5/ipc');
    expect(harnessSocketUrl({ protocol: 'https:', host: 'h:5' })).toBe('wss://h:5/ipc');
    expect(harnessAddress(page(7, 'abc'))).toEqual({ url: 'ws://127.0.0.1:7/ipc', protocol: 'ucbridge.abc' });
    expect(harnessAddress(page(7, undefined))).toBeUndefined();
  });

  it('first calls are contract channels that take {} as input', () => {
    for (const name of FIRST_CALLS) {
      const [domain, method] = name.split('.') as [string, string];
      const spec = (contract as unknown as Record<string, Record<string, { input: { safeParse: (v: unknown) => { success: boolean } } }>>)[domain]?.[method];
      expect(spec, name).toBeDefined();
      expect(spec!.input.safeParse({}).success, name).toBe(true);
    }
  });
});
