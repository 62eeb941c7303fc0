import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTlsTrust } from '../http/tls-trust';
import { request } from 'undici';
import { sourceSandbox } from './source-sandbox';

const REPO = resolve(__dirname, '../../..');

describe('the sandbox of a source checkout (desktop app run with npm start)', () => {
  it('is unavailable without a checkout next to the app', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ucbridge-no-repo-'));
    try {
      expect(sourceSandbox(empty)).toBeUndefined();
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('starts the emulator as a child process, trusts its CA for that connection only, and stops it', async () => {
    const launcher = sourceSandbox(REPO, process.execPath)!;
    expect(launcher).toBeDefined();
    const details = await launcher.start();
    try {
      expect(details).toMatchObject({ url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), clientId: 'ucbridge-desktop' });
      expect(details.demoUsers.length).toBeGreaterThan(0);
      // The demo users list says who is a workspace admin (the one who can set the integration up).
      expect(details.demoUsers.filter((u) => u.admin).length).toBeGreaterThan(0);
      expect(details.demoUsers.some((u) => !u.admin)).toBe(true);
      expect(await launcher.start()).toBe(details);
      const trust = createTlsTrust(details.caPem);
      const res = await request(`${details.url}/oidc/.well-known/oauth-authorization-server`, { dispatcher: trust.dispatcher });
      expect(res.statusCode).toBe(200);
      await res.body.dump();
      await trust.close();
    } finally {
      await launcher.stop();
    }
    expect(launcher.running()).toBeUndefined();
    // A child process that compiles and starts a whole workspace: seconds when idle, more on a loaded machine.
  });
});
