import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDevArgs } from './dev-options';

describe('parseDevArgs', () => {
  it('defaults: open the browser, random port, state under XDG_CONFIG_HOME', () => {
    expect(parseDevArgs([], { XDG_CONFIG_HOME: '/cfg' })).toEqual({
      open: true,
      port: 0,
      userDataDir: join('/cfg', 'ucbridge-harness'),
      rebuild: false,
    });
  });

  it('reads every option', () => {
    expect(parseDevArgs(['--no-open', '--port=5199', '--user-data-dir=/tmp/x=y', '--rebuild'], {})).toEqual({
      open: false,
      port: 5199,
      userDataDir: '/tmp/x=y',
      rebuild: true,
    });
  });

  it('reads where a built renderer is, and why it runs in the browser (npm start without Electron)', () => {
    expect(parseDevArgs(['--renderer-dir=/r', '--why=no-electron'], {})).toMatchObject({ rendererDir: '/r', why: 'no-electron' });
  });

  it.each(['--why=because', '--renderer-dir=', '--open', '--port=abc', '--port=70000', '--user-data-dir=', '--no-open=1', 'extra'])('refuses %s', (arg) => {
    expect(() => parseDevArgs([arg], {})).toThrow(/usage: npm run dev:browser/);
  });
});
