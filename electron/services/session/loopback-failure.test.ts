import { describe, expect, it } from 'vitest';
import { authFailure } from '../../../shared/domain/auth-failures';
import { parseWorkspaceUrl, type WorkspaceAddress } from '../../../shared/domain/workspace-url';
import { AppFailure } from '../../../shared/result';
import { explainLoopbackFailure } from './loopback-failure';
import type { SandboxDetails } from './sandbox-launcher';

const address = (url: string): WorkspaceAddress => {
  const r = parseWorkspaceUrl(url);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
};
const running = { url: 'https://127.0.0.1:50002' } as SandboxDetails;
const unreachable = new AppFailure(authFailure('unreachable-host', { host: '127.0.0.1:50001', detail: 'ECONNREFUSED' }));
const untrusted = new AppFailure(authFailure('certificate-untrusted', { host: '127.0.0.1:50001', detail: 'SELF_SIGNED_CERT_IN_CHAIN' }));

describe('a loopback address that fails', () => {
  it('is a sandbox that is not running, not a network, VPN or proxy problem', () => {
    for (const e of [unreachable, untrusted]) {
      const explained = explainLoopbackFailure(e, address('https://127.0.0.1:50001'), undefined) as AppFailure;
      expect(explained.error).toMatchObject({ code: 'UNAVAILABLE', message: 'The local sandbox at 127.0.0.1:50001 is not running.', hint: expect.stringContaining('start it') });
      expect(JSON.stringify(explained.error)).not.toMatch(/VPN|proxy/);
    }
  });

  it('says where the running sandbox is now when the address is an old one', () => {
    const explained = explainLoopbackFailure(untrusted, address('https://127.0.0.1:50001'), running) as AppFailure;
    expect(explained.error.message).toContain('it now runs at https://127.0.0.1:50002');
  });

  it('leaves real workspaces and other failures alone', () => {
    const real = new AppFailure(authFailure('certificate-untrusted', { host: 'myco.cloud.databricks.com' }));
    expect(explainLoopbackFailure(real, address('https://myco.cloud.databricks.com'), undefined)).toBe(real);
    const refused = new AppFailure(authFailure('consent-denied'));
    expect(explainLoopbackFailure(refused, address('https://127.0.0.1:50001'), undefined)).toBe(refused);
  });
});
