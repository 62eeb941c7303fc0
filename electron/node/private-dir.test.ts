import { chmod, mkdir, mkdtemp, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeMainPorts } from './node-main-ports';
import { ensurePrivateDir } from './private-dir';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('the state directory', () => {
  it('is created 0700 whatever the umask', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ucb-private-')), 'a', 'state');
    const old = process.umask(0);
    try {
      await ensurePrivateDir(dir);
    } finally {
      process.umask(old);
    }
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('is tightened to 0700, and its files to 0600, when they already exist with wider modes; links are left alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-private-'));
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'settings.json'), '{}', { mode: 0o644 });
    await chmod(join(dir, 'settings.json'), 0o666);
    const outside = join(await mkdtemp(join(tmpdir(), 'ucb-outside-')), 'target');
    await writeFile(outside, 'x', { mode: 0o644 });
    await symlink(outside, join(dir, 'link'));
    await ensurePrivateDir(dir);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'settings.json'))).toBe(0o600);
    expect(await modeOf(outside)).toBe(0o644);
  });

  it('the app\u2019s userData, state, secrets and logs are all private after start, even from a wide copy', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-userdata-'));
    for (const sub of ['state', 'secrets', 'logs']) await mkdir(join(userDataDir, sub), { mode: 0o777 });
    await chmod(userDataDir, 0o777);
    const files = [join(userDataDir, 'state', 'settings.json'), join(userDataDir, 'secrets', 'tokens.bin'), join(userDataDir, 'logs', 'ucbridge.log')];
    for (const f of files) {
      await writeFile(f, f.endsWith('.json') ? '{}' : 'x');
      await chmod(f, 0o644);
    }
    for (const sub of ['state', 'secrets', 'logs']) await chmod(join(userDataDir, sub), 0o777);
    const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy: () => ({ trustedIds: new Set<number>(), origins: [] }) });
    await ports.blobs.read('tokens.bin');
    ports.logger.info('hello');
    await ports.logger.flush();
    expect(await modeOf(userDataDir)).toBe(0o700);
    for (const sub of ['state', 'secrets', 'logs']) expect(await modeOf(join(userDataDir, sub)), sub).toBe(0o700);
    for (const f of files) expect(await modeOf(f), f).toBe(0o600);
  });
});
