import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppLogger } from './app-logger';

describe('createAppLogger', () => {
  it('without a log directory keeps lines in memory and in the extra sinks only; flush has nothing to wait for', async () => {
    const extra: string[] = [];
    const log = createAppLogger({ now: () => 7, sinks: [(r) => extra.push(r.message)] });
    log.child('auth').info('hello');
    await expect(log.flush()).resolves.toBeUndefined();
    expect(log.recent(10)).toEqual([{ time: 7, level: 'info', message: '[auth] hello' }]);
    expect(extra).toEqual(['hello']);
  });

  it('with a log directory also writes the file, and flush waits until the line is on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-applog-'));
    const log = createAppLogger({ logDir: dir, now: () => 0 });
    log.warn('on disk');
    await log.flush();
    expect(JSON.parse(await readFile(join(dir, 'ucbridge.log'), 'utf8'))).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      scope: '',
      message: 'on disk',
    });
  });
});
