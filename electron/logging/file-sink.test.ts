import { mkdtemp, readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSink } from './file-sink';

const record = (n: number, message = `line ${n}`) => ({ time: n, level: 'info' as const, scope: 's', message });

describe('createFileSink', () => {
  it('writes JSON lines with mode 0600 in a 0700 directory it creates', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ucb-log-')), 'logs');
    const file = createFileSink({ dir });
    file.sink(record(0));
    file.sink({ ...record(1), fields: { n: 1 } });
    await file.flush();
    const lines = (await readFile(file.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', scope: 's', message: 'line 0' },
      { time: '1970-01-01T00:00:00.001Z', level: 'info', scope: 's', message: 'line 1', fields: { n: 1 } },
    ]);
    expect(file.path.endsWith(join('logs', 'ucbridge.log'))).toBe(true);
    if (process.platform !== 'win32') {
      expect((await stat(file.path)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
  });

  it('tightens the mode of an existing log file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    await writeFile(join(dir, 'ucbridge.log'), 'old\n');
    await chmod(join(dir, 'ucbridge.log'), 0o644);
    const file = createFileSink({ dir });
    file.sink(record(1));
    await file.flush();
    if (process.platform !== 'win32') expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    expect(await readFile(file.path, 'utf8')).toMatch(/^old\n\{/);
  });

  it('rotates by size and keeps N files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    const file = createFileSink({ dir, maxBytes: 300, keep: 2 });
    for (let i = 0; i < 40; i++) {
      file.sink(record(i, `message number ${i} ${'x'.repeat(40)}`));
      await file.flush();
    }
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['ucbridge.log', 'ucbridge.log.1', 'ucbridge.log.2']);
    for (const name of names) expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(300);
    const live = await readFile(join(dir, 'ucbridge.log'), 'utf8');
    expect(live).toContain('message number 39');
    const older = await readFile(join(dir, 'ucbridge.log.1'), 'utf8');
    expect(older).not.toContain('message number 39');
  });

  it('never throws when the directory cannot be created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    await writeFile(join(parent, 'blocked'), 'a file, not a directory');
    const file = createFileSink({ dir: join(parent, 'blocked', 'logs') });
    expect(() => file.sink(record(1))).not.toThrow();
    await expect(file.flush()).resolves.toBeUndefined();
  });
});
