import { request } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HARNESS_META_NAME, harnessSubprotocol } from '../../shared/contract/harness-names';
import { CONTENT_SECURITY_POLICY } from '../window-policy/csp';
import { startHarness, type Harness } from './start-harness';

let harness: Harness;
let origin: string;
let port: number;
/** The session cookie of "the user's browser", from spending a one-time URL in beforeAll. */
let cookie: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'ucb-harness-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'package.json'), '{"secret":"outside"}');
  harness = await startHarness({ userDataDir: join(base, 'user-data'), rendererDir });
  origin = new URL(harness.url).origin;
  port = Number(new URL(harness.url).port);
  const login = await get(pathOf(harness.oneTimeUrl().url), { cookie: '' });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => harness.close());

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** Raw HTTP, so paths and Host headers reach the server exactly as written; with the session cookie unless told. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const all = { cookie, ...headers };
    if (all.cookie === '') delete (all as Record<string, string>).cookie;
    const req = request({ host: '127.0.0.1', port, path, method, headers: all }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Message = Record<string, unknown>;
type Opened = { ws: WebSocket; messages: unknown[]; next: () => Promise<Message> };

function connect(options: { origin?: string; protocol?: string | undefined; path?: string; cookie?: string } = {}): Promise<Opened> {
  const protocols = 'protocol' in options ? options.protocol : harnessSubprotocol(harness.secret);
  const sent = options.cookie ?? cookie;
  const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ipc'}`, protocols ? [protocols] : [], {
    origin: options.origin ?? origin,
    headers: sent ? { cookie: sent } : {},
  });
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as unknown;
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else messages.push(m);
  });
  const next = () =>
    new Promise<Message>((resolve) =>
      messages.length ? resolve(messages.shift() as Message) : waiters.push((m) => resolve(m as Message)),
    );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages, next }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('harness HTTP', () => {
  it('serves index.html with the secret, the strict CSP and no-store', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="${HARNESS_META_NAME}" content="${harness.secret}">`);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(harness.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.body).not.toContain(harness.secret);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/.env', '/nope.js'])(
    'answers 404 for %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside');
    },
  );

  it('refuses another Host header (DNS rebinding) and other methods', async () => {
    expect((await get('/', { host: `evil.example:${port}` })).status).toBe(421);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });
});

describe('harness socket', () => {
  it('routes invoke messages to the gateway', async () => {
    const { ws, next } = await connect();
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.info', input: {} }));
    const reply = await next();
    expect(reply).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { host: 'harness' } } });
    ws.close();
  });

  it.each([
    ['an untrusted origin', { origin: 'http://evil.example' }, 403],
    ['a localhost origin (not the harness origin)', { origin: 'http://localhost' }, 403],
    ['no secret', { protocol: undefined }, 401],
    ['a wrong secret', { protocol: harnessSubprotocol('0'.repeat(64)) }, 401],
    ['a wrong path', { path: '/other' }, 404],
    ['no session cookie, even with the right origin and secret', { cookie: '' }, 401],
  ])('refuses %s', async (_name, options, status) => {
    await expect(connect(options)).rejects.toThrow(`HTTP ${status}`);
  });

  it('answers BAD_REQUEST to an invalid payload and keeps the connection', async () => {
    const { ws, next } = await connect();
    ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'app.recentLogs', input: { limit: -1 } }));
    expect(await next()).toMatchObject({ id: 2, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'no.such', input: {} }));
    expect(await next()).toMatchObject({ id: 3, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    ws.close();
  });

  it.each([
    ['not JSON', 'hello'],
    ['a wrong envelope', JSON.stringify({ type: 'call', id: 'x' })],
  ])('closes the connection on %s', async (_name, text) => {
    const { ws } = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(text);
    expect(await closed).toBe(1008);
  });

  it('pushes hub events to every open connection', async () => {
    const a = await connect();
    const b = await connect();
    harness.app.events.publish('task.progress', {
      taskId: 'task-0001', label: 'x', done: 0, total: 0, state: 'running', cancellable: true,
    });
    const wanted = { type: 'event', name: 'task.progress', payload: expect.objectContaining({ taskId: 'task-0001' }) };
    for (const c of [a, b]) {
      let m = await c.next();
      while (m.name === 'log.entry') m = await c.next();
      expect(m).toEqual(wanted);
      c.ws.close();
    }
  });

  it('does not trust the id of a connection that has closed', async () => {
    const { ws, next } = await connect();
    ws.send(JSON.stringify({ type: 'invoke', id: 9, channel: 'app.info', input: {} }));
    await next();
    const trusted = await harness.app.gateway.dispatch({ id: 1, isMainFrame: true, url: `${origin}/` }, 'app.info', {});
    expect(trusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    ws.close();
  });
});
