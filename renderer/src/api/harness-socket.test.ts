import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { FIRST_CALLS, openHarnessLink } from './harness-link';
import { openHarnessSocket, reconnectDelay, type HarnessSocket } from './harness-socket';

/** Every invoke a test server received, in order. */
const received: Array<{ id: number; channel: string }> = [];
/** While false, the test server answers nothing. */
let answering = true;

/** A harness-like server: answers every invoke with its channel name, except `hang`, which it never answers. */
function startServer(port = 0): Promise<WebSocketServer> {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port,
      handleProtocols: (offered) => (offered.has('ucbridge.s3cret') ? 'ucbridge.s3cret' : false),
    });
    wss.on('connection', (ws) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { id: number; channel: string };
        received.push({ id: message.id, channel: message.channel });
        if (message.channel === 'hang' || !answering) return;
        ws.send(JSON.stringify({ type: 'result', id: message.id, result: { ok: true, value: message.channel } }));
      }),
    );
    wss.on('listening', () => resolve(wss));
  });
}

const stop = (wss: WebSocketServer): Promise<void> => {
  for (const client of wss.clients) client.terminate();
  return new Promise((resolve) => wss.close(() => resolve()));
};

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('harness socket', () => {
  let server: WebSocketServer;
  let socket: HarnessSocket | undefined;
  const events: Array<[string, unknown]> = [];
  let reopened = 0;
  const open = (port: number, connectWaitMs = 5_000) =>
    openHarnessSocket({
      address: { url: `ws://127.0.0.1:${port}/ipc`, protocol: 'ucbridge.s3cret' },
      onEvent: (name, payload) => events.push([name, payload]),
      onReopen: () => reopened++,
      connectWaitMs,
    });

  beforeEach(async () => {
    // Node 20 has no global WebSocket; `ws` implements the same browser API (addEventListener, OPEN).
    vi.stubGlobal('WebSocket', NodeWebSocket);
    server = await startServer();
    events.length = 0;
    received.length = 0;
    reopened = 0;
  });
  afterEach(async () => {
    socket?.close();
    await stop(server);
    vi.unstubAllGlobals();
  });

  it('offers the secret as subprotocol, answers calls and delivers events', async () => {
    const port = (server.address() as { port: number }).port;
    socket = open(port);
    await expect(socket.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'app.info' });
    expect(socket.connection.get().status).toBe('open');
    for (const client of server.clients) client.send(JSON.stringify({ type: 'event', name: 'log.entry', payload: { n: 1 } }));
    await until(() => events.length === 1);
    expect(events).toEqual([['log.entry', { n: 1 }]]);
  });

  it('fails calls in flight when the link drops, then reconnects by itself and works again', async () => {
    const port = (server.address() as { port: number }).port;
    socket = open(port);
    await socket.invoke('app.info', {});
    const inFlight = socket.invoke('hang', {});
    await until(() => server.clients.size === 1);
    for (const client of server.clients) client.terminate();
    await expect(inFlight).rejects.toThrow(/lost/);
    await until(() => socket!.connection.get().status === 'open' && reopened === 1);
    await expect(socket.invoke('session.state', {})).resolves.toEqual({ ok: true, value: 'session.state' });
  });

  it('holds calls made while the host is down until it is back', async () => {
    const port = (server.address() as { port: number }).port;
    socket = open(port);
    await socket.invoke('app.info', {});
    await stop(server);
    await until(() => socket!.connection.get().status === 'reconnecting');
    const waiting = socket.invoke('session.state', {});
    server = await startServer(port);
    await expect(waiting).resolves.toEqual({ ok: true, value: 'session.state' });
  });

  it('gives up on a call when no link opens in time', async () => {
    const port = (server.address() as { port: number }).port;
    await stop(server);
    server = new WebSocketServer({ noServer: true });
    socket = open(port, 200);
    await expect(socket.invoke('app.info', {})).rejects.toThrow(/could not be opened/);
    expect(socket.connection.get().attempts).toBeGreaterThan(0);
  });
});

describe('harness socket taking over the link opened at start', () => {
  let server: WebSocketServer;
  let socket: HarnessSocket | undefined;
  beforeEach(async () => {
    vi.stubGlobal('WebSocket', NodeWebSocket);
    server = await startServer();
    received.length = 0;
    answering = true;
  });
  afterEach(async () => {
    socket?.close();
    await stop(server);
    vi.unstubAllGlobals();
  });
  const port = () => (server.address() as { port: number }).port;
  const location = () => ({ protocol: 'http:', host: `127.0.0.1:${port()}` });
  const link = () =>
    openHarnessLink({
      api: undefined,
      document: { querySelector: () => ({ content: 's3cret' }) } as unknown as Document,
      location: location() as Location,
    })!;
  const adopt = (l: ReturnType<typeof link>) =>
    openHarnessSocket({ address: { url: `ws://127.0.0.1:${port()}/ipc`, protocol: 'ucbridge.s3cret' }, onEvent: () => undefined, onReopen: () => undefined, link: l });

  it('answers each first call from the link, once, without asking again; other calls and later ones go out as usual', async () => {
    const early = link();
    await until(() => received.length === FIRST_CALLS.length);
    // What arrived before the take-over is read from the link, not lost.
    await new Promise((r) => setTimeout(r, 50));
    socket = adopt(early);
    expect(socket.connection.get().status).toBe('open');
    await expect(socket.invoke('session.state', {})).resolves.toEqual({ ok: true, value: 'session.state' });
    await expect(socket.invoke('app.caTrust', {})).resolves.toEqual({ ok: true, value: 'app.caTrust' });
    expect(received.map((m) => m.channel)).toEqual(FIRST_CALLS);
    await expect(socket.invoke('session.state', {})).resolves.toEqual({ ok: true, value: 'session.state' });
    await expect(socket.invoke('auth.choices', { other: 1 })).resolves.toEqual({ ok: true, value: 'auth.choices' });
    expect(received.slice(FIRST_CALLS.length)).toEqual([
      { id: 5, channel: 'session.state' },
      { id: 6, channel: 'auth.choices' },
    ]);
    expect(server.clients.size).toBe(1);
  });

  it('sends the first calls itself when it takes over a link that has not opened yet', async () => {
    socket = adopt(link());
    expect(socket.connection.get().status).toBe('connecting');
    await expect(socket.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'app.info' });
    expect(received.map((m) => m.channel)).toEqual(FIRST_CALLS);
    expect(server.clients.size).toBe(1);
  });

  it('asks afresh on a new link when the first one was lost before answering', async () => {
    answering = false;
    const early = link();
    await until(() => received.length === FIRST_CALLS.length);
    answering = true;
    early.socket.close();
    await until(() => early.socket.readyState === WebSocket.CLOSED);
    socket = adopt(early);
    expect(socket.connection.get().status).toBe('connecting');
    await expect(socket.invoke('session.state', {})).resolves.toEqual({ ok: true, value: 'session.state' });
    expect(received.slice(FIRST_CALLS.length)).toEqual([{ id: 5, channel: 'session.state' }]);
  });
});

describe('reconnectDelay', () => {
  it('backs off exponentially from 250 ms to at most 10 s, with ±25% jitter', () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(250);
    expect(reconnectDelay(3, () => 0.5)).toBe(2_000);
    expect(reconnectDelay(20, () => 0.5)).toBe(10_000);
    expect(reconnectDelay(0, () => 0)).toBe(187.5);
    expect(reconnectDelay(0, () => 1)).toBe(312.5);
  });
});
