import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { PARTNER_USER_AGENT } from '../../shared/product';
import { freePort } from '../services/oauth/loopback.test-support';
import { createFormBrowser } from '../services/session/form-browser.test-support';

/** The CLI as users run it: `bin/ucbridge.cjs` spawned with Node, against the sandbox. */
const BIN = resolve(__dirname, '../../bin/ucbridge.cjs');
let emulator: RunningEmulator;
let home: string;
let redirectUri: string;

beforeAll(async () => {
  redirectUri = `http://localhost:${await freePort()}/callback`;
  emulator = await startEmulator({ catalogSide: null, oauth: { redirectUris: [redirectUri] }, log: () => undefined });
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-home-'));
});
afterAll(async () => {
  await emulator.stop();
  await rm(home, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}, onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // A clean environment: nothing from the developer's own Databricks set-up leaks in.
      env: { PATH: process.env.PATH, HOME: home, NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr);
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const user = () => emulator.users.find((u) => u.admin)!;
const sp = () => emulator.servicePrincipals[0]!;

describe('ucbridge whoami', () => {
  it('prints the user behind a PAT from DATABRICKS_TOKEN, with the partner User-Agent on every request', async () => {
    const mark = emulator.requestLog.mark();
    const run = await cli(['whoami'], { DATABRICKS_HOST: emulator.workspaceUrl, DATABRICKS_TOKEN: user().token });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${user().userName} (${user().displayName})`);
    expect(run.stdout).toContain('workspace admin');
    const log = emulator.requestLog.entries({ after: mark });
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.userAgent === PARTNER_USER_AGENT)).toBe(true);
  });

  it('prints the service principal behind client credentials from a profile, as JSON', async () => {
    await writeFile(join(home, 'cfg'), `[sandbox-sp]\nhost = ${emulator.workspaceUrl}\nclient_id = ${sp().applicationId}\nclient_secret = ${sp().clientSecret}\n`);
    const run = await cli(['whoami', '--json'], { DATABRICKS_CONFIG_PROFILE: 'sandbox-sp' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ userName: sp().applicationId, displayName: sp().displayName, kind: 'service-principal', authMethod: 'oauth-m2m' });
  });

  it('bad credentials: non-zero exit, one clear line, no stack, the secret never echoed', async () => {
    const wrong = 'dose0000wrong0000secret0000abcdef';
    const run = await cli(['whoami', '--host', emulator.workspaceUrl, '--client-id', sp().applicationId, '--client-secret', wrong]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ucbridge: The client id or client secret was refused/);
    expect(run.stderr).not.toContain(wrong);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const pat = await cli(['whoami'], { DATABRICKS_HOST: emulator.workspaceUrl, DATABRICKS_TOKEN: 'dapi0000000000000000000000000000dead' });
    expect(pat.code).toBe(1);
    expect(pat.stderr).toMatch(/^ucbridge: .*refused the credentials \(401\)/);
    expect(pat.stderr).not.toContain('dapi0000000000000000000000000000dead');
  });

  it('without the CA in NODE_EXTRA_CA_CERTS the certificate is not trusted, and it says how to fix that', async () => {
    const run = await cli(['whoami'], { DATABRICKS_HOST: emulator.workspaceUrl, DATABRICKS_TOKEN: user().token, NODE_EXTRA_CA_CERTS: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not trusted.*NODE_EXTRA_CA_CERTS/);
  });

  it('--auth-type u2m --no-browser prints the sign-in link, then signs in when the browser completes it; nothing is written', async () => {
    const browser = createFormBrowser({ caPem: emulator.caCertPem, userName: user().userName, password: user().password, consent: 'allow' });
    let opened = false;
    const run = await cli(
      ['whoami', '--auth-type', 'u2m', '--no-browser', '--client-id', emulator.oauth.u2mClientId, '--redirect-uri', redirectUri, '--host', emulator.workspaceUrl],
      {},
      (stderr) => {
        const link = /https:\/\/\S+\/oidc\/v1\/authorize\?\S+/.exec(stderr)?.[0];
        if (link && !opened) {
          opened = true;
          void browser.open(link);
        }
      },
    );
    await browser.close();
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toContain('Open this link in your browser to sign in:');
    expect(run.stdout).toContain(user().userName);
    expect(await readdir(home)).toEqual(['cfg']);
  });

  it('explains usage errors with exit code 2', async () => {
    const run = await cli(['whoami', '--frobnicate']);
    expect(run).toMatchObject({ code: 2, stderr: 'ucbridge: Unknown flag --frobnicate. See ucbridge --help.\n' });
    expect((await cli(['--help'])).stdout).toContain('Usage: ucbridge <command>');
  });
});
