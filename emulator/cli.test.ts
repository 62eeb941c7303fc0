import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cli-args';
import type { EmulatorInfo } from './start';
import { sandboxFetch } from './testing/sandbox-fetch';

describe('parseCliArgs', () => {
  it('maps the documented flags onto startEmulator options', () => {
    expect(parseCliArgs(['--seed', 'empty', '--port', '8443', '--data-dir', '/tmp/x', '--faults', 'latency=5', '--revocation', '--json'])).toEqual({
      json: true,
      help: false,
      options: { seed: 'empty', port: 8443, dataDir: '/tmp/x', faults: 'latency=5', oauth: { revocation: true } },
    });
    expect(parseCliArgs([]).options).toEqual({ seed: 'demo', port: 0 });
    expect(parseCliArgs(['--no-root-storage']).options).toEqual({ seed: 'demo', port: 0, metastoreRootStorage: false });
  });

  it('passes the large seed size to the default catalog side', () => {
    expect(parseCliArgs(['--seed', 'large', '--scale-tables', '500', '--scale-columns', '4']).options).toEqual({
      seed: 'large',
      port: 0,
      catalogScale: { scaleTables: 500, scaleColumns: 4 },
    });
  });

  it.each([['--seed', 'huge'], ['--scale-tables', '0'], ['--scale-columns', 'x'], ['--port', '70000'], ['--port', 'abc'], ['--bogus'], ['stray']])('refuses %s', (...argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('npm run emulator -- --json', () => {
  it('prints one JSON object as the first stdout line, serves it, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--json', '--seed', 'empty'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const info = JSON.parse(firstLine) as EmulatorInfo;
      expect(info.users).toHaveLength(1);
      const f = sandboxFetch(info.workspaceUrl, readFileSync(info.caCertPath, 'utf8'));
      const me = (await (await f('/api/2.0/preview/scim/v2/Me', { token: info.users[0]?.token ?? '' })).json()) as { userName: string };
      expect(me.userName).toBe('admin@sandbox.example');
      // The Unity Catalog side is mounted by default: its REST answers, not a 404.
      const catalogs = await f('/api/2.1/unity-catalog/catalogs', { token: info.users[0]?.token ?? '' });
      expect(catalogs.status).toBe(200);
      await f.close();
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--seed', 'huge'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('--seed must be one of demo, empty, large');
  });
});
