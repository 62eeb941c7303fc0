import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { browserTestsSkipped, launchChromium } from '../../emulator/testing/chromium';
import { HARNESS_META_NAME, harnessSubprotocol } from '../../shared/contract/harness-names';
import { startHarness, type Harness } from './start-harness';

/** The harness is private to the browser that spent its one-time URL; everything else gets nothing of use. */
let harness: Harness;
let base: string;
let port: number;
let origin: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ucb-access-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  harness = await startHarness({ userDataDir: join(base, 'user-data'), rendererDir });
  origin = new URL(harness.url).origin;
  port = Number(new URL(harness.url).port);
});
afterAll(async () => {
  await harness.close();
  await rm(base, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const pathOf = (url: string) => url.slice(origin.length);
const sessionOf = (a: Answer) => String(a.headers['set-cookie']).split(';')[0]!;

function socket(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, [harnessSubprotocol(harness.secret)], { origin, headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('the one-time URL', () => {
  it('is exchanged once for an HttpOnly, SameSite=Strict cookie, then moves on to the clean URL', async () => {
    const once = harness.oneTimeUrl();
    expect(once.url).toMatch(new RegExp(`^${origin}/login\\?token=[A-Za-z0-9_-]{43}$`));
    const first = await get(pathOf(once.url));
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^ucbridge_harness_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`))]);
    expect(first.body).toContain('<meta http-equiv="refresh" content="0; url=/">');
    expect(first.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(first.body).not.toContain(harness.secret);
    await once.used;
    const page = await get('/', { cookie: sessionOf(first) });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="${HARNESS_META_NAME}" content="${harness.secret}">`);
    expect(await get('/assets/app.js', { cookie: sessionOf(first) })).toMatchObject({ status: 200 });
    expect(await socket({ cookie: sessionOf(first) })).toBe(101);
  });

  it('is refused when used again (no cookie), and a made-up token is refused too', async () => {
    const once = harness.oneTimeUrl();
    const first = await get(pathOf(once.url));
    const again = await get(pathOf(once.url));
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('This one-time address was already used.');
    expect(again.body).not.toContain(harness.secret);
    // The browser that spent it reloading the address just goes on, with no new session.
    const reload = await get(pathOf(once.url), { cookie: sessionOf(first) });
    expect(reload.status).toBe(200);
    expect(reload.headers['set-cookie']).toBeUndefined();
    const madeUp = await get(`/login?token=${'A'.repeat(43)}`);
    expect(madeUp.status).toBe(403);
    expect(madeUp.headers['set-cookie']).toBeUndefined();
  });
});

describe.skipIf(browserTestsSkipped())('in a real browser (Debian chromium)', () => {
  it('the one-time URL leaves the address bar for the clean one, and the cookie is out of scripts\u2019 reach', async () => {
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(harness.oneTimeUrl().url);
      await page.waitForURL(harness.url);
      expect(await page.content()).toContain(`<meta name="${HARNESS_META_NAME}"`);
      // Evaluated in the page (strings: this file is type-checked for Node, without the DOM).
      expect(await page.evaluate('document.cookie')).toBe('');
      const [cookie] = await page.context().cookies();
      expect(cookie).toMatchObject({ name: `ucbridge_harness_${port}`, httpOnly: true, sameSite: 'Strict', path: '/' });
      // Another browser (no cookie) gets nothing, and cannot use the spent address.
      const other = await (await browser.newContext()).newPage();
      expect((await other.goto(harness.url))!.status()).toBe(401);
    } finally {
      await browser.close();
    }
  });
});

describe('without the session cookie', () => {
  it('the page, its assets and any other path give no secret: 401 with how to get in', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/nope']) {
      const r = await get(path, { origin });
      expect(r.status, path).toBe(401);
      expect(r.body, path).not.toContain(harness.secret);
      expect(r.body, path).not.toContain(HARNESS_META_NAME);
      expect(r.body, path).toContain('Open the address printed in the terminal');
    }
    const forged = await get('/', { cookie: `ucbridge_harness_${port}=${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
  });

  it('the socket is refused even with the right Host, Origin and secret', async () => {
    expect(await socket({})).toBe(401);
    expect(await socket({ cookie: `ucbridge_harness_${port}=${'A'.repeat(43)}` })).toBe(401);
  });
});

/**
 * What another local user (or, where the test cannot switch users, another process) can do: reach the port, forge
 * Host and Origin, replay a spent one-time URL. It runs as `nobody` when this test runs as root and that user exists.
 */
describe('another local process', () => {
  const PROBE = `
const http = require('node:http');
const [port, spent] = process.argv.slice(2);
const host = '127.0.0.1:' + port;
function call(path, headers) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), path, headers: { host, origin: 'http://' + host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('upgrade', (res, sock) => { sock.destroy(); resolve({ status: 101, body: '' }); });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    req.end();
  });
}
(async () => {
  const page = await call('/', {});
  const asset = await call('/assets/app.js', {});
  const replay = await call(spent, {});
  const upgrade = await call('/ipc', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-protocol': 'ucbridge.' + 'f'.repeat(64) });
  process.stdout.write(JSON.stringify({ uid: process.getuid(), page, asset, replay, upgrade }));
})();
`;

  it('cannot read the secret, replay a spent one-time URL, or open the socket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-probe-'));
    await chmod(dir, 0o755);
    const script = join(dir, 'probe.cjs');
    await writeFile(script, PROBE, { mode: 0o644 });
    const spent = harness.oneTimeUrl();
    await get(pathOf(spent.url));
    const asNobody = userInfo().uid === 0 && (await nobodyExists());
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [script, String(port), pathOf(spent.url)], { cwd: dir, env: { PATH: process.env.PATH }, ...(asNobody ? { uid: 65534, gid: 65534 } : {}) });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    await rm(dir, { recursive: true, force: true });
    const r = JSON.parse(out) as Record<string, { status: number; body: string }> & { uid: number };
    expect(r.uid).toBe(asNobody ? 65534 : userInfo().uid);
    expect(r.page!.status).toBe(401);
    expect(r.asset!.status).toBe(401);
    expect(r.replay!.status).toBe(403);
    expect(r.upgrade!.status).toBe(401);
    for (const k of ['page', 'asset', 'replay', 'upgrade']) expect(r[k]!.body).not.toContain(harness.secret);
  });
});

async function nobodyExists(): Promise<boolean> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  return passwd.split('\n').some((line) => line.startsWith('nobody:x:65534:'));
}
