import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectoryFileSaver } from './directory-file-saver';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createDirectoryFileSaver', () => {
  it('writes with the mode asked for and never overwrites an earlier export', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ucb-saver-'));
    const saver = createDirectoryFileSaver(join(dir, 'exports'));
    const first = await saver.save({ suggestedName: 'integration.json', content: 'one', mode: 0o600 });
    const second = await saver.save({ suggestedName: 'integration.json', content: 'two', mode: 0o600 });
    expect(first).toBe(join(dir, 'exports', 'integration.json'));
    expect(second).toBe(join(dir, 'exports', 'integration-2.json'));
    expect(await readFile(second!, 'utf8')).toBe('two');
    if (process.platform !== 'win32') expect((await stat(first!)).mode & 0o777).toBe(0o600);
  });

  it('keeps a hostile suggested name inside its directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ucb-saver-'));
    const saver = createDirectoryFileSaver(join(dir, 'exports'));
    const path = await saver.save({ suggestedName: '../../etc/pass wd', content: 'x', mode: 0o600 });
    expect(path).toBe(join(dir, 'exports', 'pass_wd'));
    expect(await readdir(dir)).toEqual(['exports']);
  });
});
