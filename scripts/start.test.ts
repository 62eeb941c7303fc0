import { execFile } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

async function start(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: undefined, ...env };
  try {
    const { stdout, stderr } = await exec(process.execPath, ['scripts/start.mjs', ...args], { env: clean });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm start', () => {
  it('without an Electron binary prints one clear line and exits 1, without trying to download', async () => {
    const result = await start([], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ucbridge: no Electron binary on this machine — run `npm run dev:browser` for the browser harness, ' +
        'or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45\n',
    );
  });

  it('treats an ELECTRON_OVERRIDE_DIST_PATH without a binary in it the same way', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ucb-electron-'));
    const result = await start([], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('finds the binary in ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'ucb-electron-'));
    const name = process.platform === 'win32' ? 'electron.exe' : 'electron';
    await writeFile(join(dist, name), '#!/bin/sh\n');
    await chmod(join(dist, name), 0o755);
    const result = await start(['--print-binary'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(result).toMatchObject({ code: 0, stdout: `${join(dist, name)}\n` });
  });
});
