import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const SLOW = 60_000;

/**
 * `npm start` (scripts/start.mjs). Without an Electron binary it runs the browser harness and opens the system
 * browser on a one-time address: the "browser" here is a stand-in `xdg-open` on PATH that records what it was asked
 * to open (and can fail, as xdg-open does where no browser is set up). The harness serves a stand-in renderer.
 */
let base: string;
let renderer: string;
let noElectron: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ucb-start-'));
  renderer = join(base, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>the app</body></html>');
  noElectron = join(base, 'no-electron');
  await mkdir(noElectron);
});
afterAll(() => rm(base, { recursive: true, force: true }));

/** A stand-in `xdg-open` that records its argument and exits with `code`. */
async function fakeOpener(code: number): Promise<{ bin: string; opened: () => Promise<string> }> {
  const bin = await mkdtemp(join(base, 'bin-'));
  const record = join(bin, 'opened');
  await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\nexit ${code}\n`);
  await chmod(join(bin, 'xdg-open'), 0o755);
  return { bin, opened: () => readFile(record, 'utf8') };
}

interface Started {
  readonly line: string;
  stop(): Promise<number | null>;
}

/** `node scripts/start.mjs ARGS`, until its first stdout line; `stop()` sends SIGTERM and waits for the exit code. */
function start(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron, ...env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve({ line: out.slice(0, end), stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`start.mjs exited ${code} before printing: ${out}${err}`)));
  });
}

function get(url: string, cookie?: string): Promise<{ status: number; setCookie: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie']?.[0], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const harnessArgs = () => ['--renderer-dir=' + renderer, '--user-data-dir=' + join(base, 'user-data')];

describe('npm start without an Electron binary', () => {
  it('runs the app in the browser and opens the system browser on the one-time address, saying so in one line', async () => {
    const opener = await fakeOpener(0);
    const started = await start(harnessArgs(), { PATH: `${opener.bin}:${process.env.PATH}` });
    try {
      expect(started.line).toMatch(
        /^ucbridge: no Electron binary on this machine, so the app runs in your browser: opened http:\/\/127\.0\.0\.1:\d+\/ in your browser with a one-time sign-in address \(state in .+; Ctrl\+C stops it\)\.$/,
      );
      const clean = /opened (\S+) in your browser/.exec(started.line)![1]!;
      const oneTime = await opener.opened();
      expect(oneTime).toMatch(new RegExp(`^${clean}login\\?token=[A-Za-z0-9_-]{43}$`));
      expect(started.line).not.toContain('token=');
      // The page needs the cookie the one-time address gives, once.
      expect((await get(clean)).status).toBe(401);
      const login = await get(oneTime);
      expect(login.status).toBe(200);
      const cookie = login.setCookie!.split(';')[0]!;
      expect(await get(clean, cookie)).toMatchObject({ status: 200, body: expect.stringContaining('the app') });
      expect((await get(oneTime)).status).toBe(403);
    } finally {
      expect(await started.stop()).toBe(0);
    }
  }, SLOW);

  it('where no browser can be opened, the line gives the one-time address to open by hand', async () => {
    const opener = await fakeOpener(3);
    const started = await start(harnessArgs(), { PATH: `${opener.bin}:${process.env.PATH}` });
    try {
      expect(started.line).toMatch(
        /^ucbridge: no Electron binary on this machine, so the app runs in your browser, but no browser could be opened: open (http:\/\/127\.0\.0\.1:\d+\/login\?token=[A-Za-z0-9_-]{43}) yourself — the address works once \(state in .+; Ctrl\+C stops it\)\.$/,
      );
      const oneTime = /open (\S+) yourself/.exec(started.line)![1]!;
      expect(oneTime).toBe(await opener.opened());
      expect((await get(oneTime)).status).toBe(200);
      expect((await get(oneTime)).status).toBe(403);
    } finally {
      expect(await started.stop()).toBe(0);
    }
  }, SLOW);
});

describe('npm start with an Electron binary', () => {
  it('finds the binary in ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = await mkdtemp(join(base, 'electron-'));
    const name = process.platform === 'win32' ? 'electron.exe' : 'electron';
    await writeFile(join(dist, name), '#!/bin/sh\n');
    await chmod(join(dist, name), 0o755);
    const { stdout } = await exec(process.execPath, ['scripts/start.mjs', '--print-binary'], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist } });
    expect(stdout).toBe(`${join(dist, name)}\n`);
  });
});
