import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createSystemBrowserOpener, openerCommand, type Spawn } from './system-browser-opener';

function fakeSpawn(outcome: 'spawn' | 'error') {
  const calls: { command: string; args: readonly string[]; detached: unknown }[] = [];
  let unrefs = 0;
  const spawn: Spawn = (command, args, options) => {
    calls.push({ command, args, detached: options.detached });
    const child = Object.assign(new EventEmitter(), { unref: () => void unrefs++ });
    queueMicrotask(() => (outcome === 'spawn' ? child.emit('spawn') : child.emit('error', new Error('ENOENT'))));
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
  it('spawns the opener detached and lets it go', async () => {
    const fake = fakeSpawn('spawn');
    await createSystemBrowserOpener({ platform: 'linux', spawn: fake.spawn }).open('https://h/x?y=1');
    expect(fake.calls).toEqual([{ command: 'xdg-open', args: ['https://h/x?y=1'], detached: true }]);
    expect(fake.unrefs()).toBe(1);
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
