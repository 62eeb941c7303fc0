import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createSystemBrowserOpener, openerCommand, type Spawn } from './system-browser-opener';

/** `exit`: the opener's exit code after it started (undefined: it keeps running, like a launcher that waits). */
function fakeSpawn(outcome: 'spawn' | 'error', exit?: number) {
  const calls: { command: string; args: readonly string[]; detached: unknown }[] = [];
  let unrefs = 0;
  const spawn: Spawn = (command, args, options) => {
    calls.push({ command, args, detached: options.detached });
    const child = Object.assign(new EventEmitter(), { unref: () => void unrefs++ });
    queueMicrotask(() => {
      if (outcome === 'error') return child.emit('error', new Error('ENOENT'));
      child.emit('spawn');
      if (exit !== undefined) queueMicrotask(() => child.emit('exit', exit));
    });
    return child as unknown as ChildProcess;
  };
  return { spawn, calls, unrefs: () => unrefs };
}

describe('openerCommand', () => {
  const url = 'https://h/authorize?a=1&b=2';
  it.each([
    ['linux', 'xdg-open', [url]],
    ['darwin', 'open', [url]],
    ['win32', 'rundll32', ['url.dll,FileProtocolHandler', url]],
  ] as const)('on %s uses %s with the URL as one argument', (platform, command, args) => {
    expect(openerCommand(platform, url)).toEqual({ command, args });
  });
});

describe('createSystemBrowserOpener', () => {
  it('spawns the opener detached and lets it go once it says it opened the page (exit 0)', async () => {
    const fake = fakeSpawn('spawn', 0);
    await createSystemBrowserOpener({ platform: 'linux', spawn: fake.spawn }).open('https://h/x?y=1');
    expect(fake.calls).toEqual([{ command: 'xdg-open', args: ['https://h/x?y=1'], detached: true }]);
    expect(fake.unrefs()).toBe(1);
  });

  it('counts an opener that keeps running (it stays with the browser) as opened', async () => {
    const fake = fakeSpawn('spawn');
    await createSystemBrowserOpener({ spawn: fake.spawn, settleMs: 20 }).open('https://h/');
    expect(fake.unrefs()).toBe(1);
  });

  it('reports an opener that found no browser (xdg-open exits 3) as not opened, so the app offers the link', async () => {
    const fake = fakeSpawn('spawn', 3);
    await expect(createSystemBrowserOpener({ spawn: fake.spawn, settleMs: 5_000 }).open('https://h/')).rejects.toMatchObject({
      error: { code: 'UNSUPPORTED', message: 'ucbridge could not open your web browser.' },
    });
  });

  it('reports a missing opener as UNSUPPORTED with a hint', async () => {
    const fake = fakeSpawn('error');
    await expect(createSystemBrowserOpener({ spawn: fake.spawn }).open('https://h/')).rejects.toMatchObject({
      error: { code: 'UNSUPPORTED', hint: expect.stringContaining('Copy the link') },
    });
  });

  it('refuses anything but http(s), without spawning', async () => {
    const fake = fakeSpawn('spawn');
    const opener = createSystemBrowserOpener({ spawn: fake.spawn });
    await expect(opener.open('file:///etc/passwd')).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(opener.open('javascript:alert(1)')).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(opener.open('not a url')).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(fake.calls).toEqual([]);
  });
});
