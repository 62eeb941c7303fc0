import { createServer as createNetServer } from 'node:net';
import { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRedirectUri, type RedirectUri } from '../../../shared/domain/oauth-client';
import { freePort } from './loopback.test-support';
import { bindRedirectUri, closeServers, hostsFor } from './loopback-bind';

/**
 * Binding errors this host may never produce (no IPv6, a privileged port) are made by failing `listen` for one
 * address with the errno Node would give; every other bind is real.
 */
const failing = new Map<string, string>();
const realListen = Server.prototype.listen;
beforeEach(() => {
  vi.spyOn(Server.prototype, 'listen').mockImplementation(function (this: Server, ...args: unknown[]) {
    const options = args[0] as { host?: string };
    const code = failing.get(options.host ?? '');
    if (code === undefined) return (realListen as (...a: unknown[]) => Server).apply(this, args);
    process.nextTick(() => this.emit('error', Object.assign(new Error(`listen ${code} ${options.host}`), { code })));
    return this;
  });
});

const uri = (s: string): RedirectUri => {
  const r = parseRedirectUri(s);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
};
const handler = () => undefined;
const held: Server[][] = [];
const addresses = (servers: readonly Server[]) => servers.map((s) => (s.address() as { address: string }).address);
const bindable = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const s = createNetServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });

afterEach(async () => {
  failing.clear();
  vi.restoreAllMocks();
  for (const servers of held.splice(0)) await closeServers(servers);
});

async function bind(u: RedirectUri) {
  const r = await bindRedirectUri(u, handler);
  if (r.ok) held.push([...r.servers]);
  return r;
}

describe('loopback bind', () => {
  it('binds the loopback addresses the URI names: both for localhost, one for an IP literal', () => {
    expect(hostsFor(uri('http://localhost:8020/cb'))).toEqual(['127.0.0.1', '::1']);
    expect(hostsFor(uri('http://[::1]:8020/cb'))).toEqual(['::1']);
    expect(hostsFor(uri('http://127.0.0.1:8020/cb'))).toEqual(['127.0.0.1']);
  });

  it('goes on with 127.0.0.1 alone for localhost where the host has no IPv6', async () => {
    for (const code of ['EADDRNOTAVAIL', 'EAFNOSUPPORT']) {
      failing.set('::1', code);
      const r = await bind(uri(`http://localhost:${await freePort()}/cb`));
      expect(r.ok && addresses(r.servers)).toEqual(['127.0.0.1']);
    }
  });

  it('fails when the address the URI itself names cannot be bound, rather than listening nowhere', async () => {
    failing.set('::1', 'EADDRNOTAVAIL');
    await expect(bind(uri(`http://[::1]:${await freePort()}/cb`))).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
    failing.set('127.0.0.1', 'EINVAL');
    await expect(bind(uri(`http://127.0.0.1:${await freePort()}/cb`))).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('reports a port taken or not allowed as in use', async () => {
    for (const code of ['EADDRINUSE', 'EACCES']) {
      failing.set('127.0.0.1', code);
      expect(await bind(uri(`http://127.0.0.1:${await freePort()}/cb`))).toEqual({ ok: false, reason: 'in-use' });
    }
  });

  it('for localhost whose ::1 side another program holds: in use, and the 127.0.0.1 side let go', async () => {
    const port = await freePort();
    failing.set('::1', 'EADDRINUSE');
    expect(await bind(uri(`http://localhost:${port}/cb`))).toEqual({ ok: false, reason: 'in-use' });
    expect(await bindable(port, '127.0.0.1')).toBe(true);
  });

  it('closes servers that are already closed without waiting', async () => {
    const r = await bind(uri(`http://127.0.0.1:${await freePort()}/cb`));
    if (!r.ok) throw new Error('not bound');
    await closeServers(r.servers);
    await closeServers(r.servers);
    expect(r.servers.every((s) => !s.listening)).toBe(true);
  });
});
