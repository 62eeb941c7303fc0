import { mkdtemp, readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
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

  it('leaves no file (nor directory) while nothing is logged', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ucb-log-')), 'logs');
    await createFileSink({ dir }).flush();
    expect(existsSync(dir)).toBe(false);
  });

  it('writes a line without anyone calling flush (off the caller\'s stack)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    const file = createFileSink({ dir });
    file.sink(record(1, 'unflushed'));
    await vi.waitFor(async () => expect(await readFile(file.path, 'utf8')).toContain('unflushed'), { timeout: 5000 });
  });

  it('fills the file up to exactly maxBytes before it rotates', async () => {
    const probeDir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    const probe = createFileSink({ dir: probeDir });
    probe.sink(record(1));
    await probe.flush();
    const lineBytes = (await stat(probe.path)).size;
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    const file = createFileSink({ dir, maxBytes: 2 * lineBytes });
    for (const n of [1, 2]) {
      file.sink(record(n));
      await file.flush();
    }
    expect(await readdir(dir)).toEqual(['ucbridge.log']);
    expect((await stat(file.path)).size).toBe(2 * lineBytes);
    file.sink(record(3));
    await file.flush();
    expect((await readdir(dir)).sort()).toEqual(['ucbridge.log', 'ucbridge.log.1']);
  });

  it('drops the oldest kept file at a rotation even when the ones before it are missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    await writeFile(join(dir, 'ucbridge.log'), 'live\n');
    await writeFile(join(dir, 'ucbridge.log.2'), 'stale\n');
    const file = createFileSink({ dir, maxBytes: 10, keep: 2 });
    file.sink(record(1));
    await file.flush();
    expect((await readdir(dir)).sort()).toEqual(['ucbridge.log', 'ucbridge.log.1']);
    expect(await readFile(join(dir, 'ucbridge.log.1'), 'utf8')).toBe('live\n');
  });

  it('never rotates an empty file away: a first line longer than maxBytes goes into the live file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    await writeFile(join(dir, 'ucbridge.log'), '');
    const file = createFileSink({ dir, maxBytes: 10 });
    file.sink(record(1));
    await file.flush();
    expect(await readdir(dir)).toEqual(['ucbridge.log']);
    expect(await readFile(file.path, 'utf8')).toContain('line 1');
  });

  it('writes a line up to 64 KiB whole and a longer one without its fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    const file = createFileSink({ dir });
    const limit = 64 * 1024;
    const empty = JSON.stringify({ ...record(0), time: '1970-01-01T00:00:00.000Z', fields: { pad: '' } }).length;
    file.sink({ ...record(0), fields: { pad: 'x'.repeat(limit - empty) } });
    file.sink({ ...record(1), fields: { pad: 'x'.repeat(limit - empty + 1) } });
    await file.flush();
    const [whole, cut] = (await readFile(file.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(whole.fields.pad).toHaveLength(limit - empty);
    expect(cut).toEqual({ time: '1970-01-01T00:00:00.001Z', level: 'info', scope: 's', message: 'line 1', fields: '[too large]' });
  });

  it('never throws when the directory cannot be created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ucb-log-'));
    await writeFile(join(parent, 'blocked'), 'a file, not a directory');
    const file = createFileSink({ dir: join(parent, 'blocked', 'logs') });
    expect(() => file.sink(record(1))).not.toThrow();
    await expect(file.flush()).resolves.toBeUndefined();
  });
});
