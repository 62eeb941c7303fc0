import { describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveAppProtocol } from './app-protocol';

const protocol = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));
vi.mock('electron', () => ({ protocol }));

describe('app protocol', () => {
  it('registers app: as standard and secure, with fetch, and nothing more', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer directory through the tested request handler', async () => {
    serveAppProtocol('/nonexistent-renderer');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const res = await handler(new Request('app://ucbridge/%2e%2e/etc/passwd'));
    expect(res.status).toBe(404);
  });
});
