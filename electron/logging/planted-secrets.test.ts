import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventHub } from '../gateway/event-hub';
import { createAppLogger } from './app-logger';
import { createEventLogSink } from './event-sink';

/** Distinct values, one per place a secret can hide, so a failure names the leak. */
const S = {
  bearer: 'Bx7Kq2Lm9Np4Rs6Tv8Wy1Za3Cd5Ef0Gh',
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzcC0xMjMiLCJhdWQiOiJkYnJ4In0.U2lnbmF0dXJlUGxhbnRlZA',
  pat: 'dapi5f4e3d2c1b0a99887766554433221100',
  m2mSecret: 'dose9a8b7c6d5e4f30211203948576abcdef',
  refresh: 'rt-Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz',
  access: 'at-Mn8Bv6Cx4Za2Sd0Fg9Hj7Kl5Qw3Er1',
  idToken: 'it-Po0Iu9Yt8Re7Wq6As5Dz4Xc3Vb2Nm1',
  clientSecret: 'cs-Zx1Cv2Bn3Mq4Wr5Et6Yu7Io8Pa9Sd',
  code: 'oc-Lk9Jh8Gf7Ds6Ap5Oi4Uy3Tr2Ew1Qz',
  verifier: 'pkce-Vb6Nm7Qw8Er9Ty0Ui1Op2As3Df4Gh5Jk6Lz7Xc8',
  password: 'pw-Hunter2Hunter2Hunter2',
  errorSecret: 'es-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St',
  causeSecret: 'cz-Uv1Wx2Yz3Ab4Cd5Ef6Gh7Ij8Kl9Mn',
} as const;

function plant(logger: ReturnType<typeof createAppLogger>): void {
  const log = logger.child('auth');
  log.info(`calling token endpoint with Authorization: Bearer ${S.bearer}`);
  log.info('exchanged', {
    response: { access_token: S.access, refresh_token: S.refresh, id_token: S.idToken, token_type: 'Bearer' },
    request: { body: `grant_type=authorization_code&code=${S.code}&code_verifier=${S.verifier}` },
  });
  log.warn('callback', { url: new URL(`http://127.0.0.1:8020/callback?code=${S.code}&state=st-1`) });
  log.warn(`federation subject ${S.jwt}`, { nested: [{ deeper: { note: `pat ${S.pat}` } }] });
  log.info('m2m', { clientSecret: S.m2mSecret, raw: `{"client_secret":"${S.clientSecret}"}` });
  log.info('basic auth', { target: `https://admin:${S.password}@example.com/api` });
  const error = new Error(`token endpoint said invalid_grant for refresh_token=${S.errorSecret}`, {
    cause: new Error(`upstream: {"access_token":"${S.causeSecret}"}`),
  });
  log.error('refresh failed', { error });
  log.error(`unhandled: ${String(error.stack)}`);
}

describe('no planted secret survives in any log output', () => {
  it('file, ring buffer and log.entry events', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-planted-'));
    const logger = createAppLogger({ logDir: join(dir, 'logs'), level: 'debug' });
    const hub = createEventHub(logger.child('events'));
    logger.attach(createEventLogSink(hub));
    const events: unknown[] = [];
    hub.subscribe((_name, payload) => events.push(payload));

    plant(logger);
    await logger.flush();

    const files = await readdir(join(dir, 'logs'));
    const fileText = (await Promise.all(files.map((f) => readFile(join(dir, 'logs', f), 'utf8')))).join('\n');
    const outputs = {
      file: fileText,
      ring: JSON.stringify(logger.recent(1000)),
      events: JSON.stringify(events),
    };
    expect(fileText.split('\n').filter(Boolean)).toHaveLength(8);
    expect(events).toHaveLength(8);
    for (const [where, text] of Object.entries(outputs)) {
      for (const [name, secret] of Object.entries(S)) {
        expect(text.includes(secret), `${name} leaked into the ${where}`).toBe(false);
      }
      expect(text).toContain('state=st-1');
      expect(text).toContain('invalid_grant');
    }
  });
});
