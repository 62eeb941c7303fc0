import { readdir, readFile } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator/start';
import type { SessionState } from '../../../shared/contract/session';
import { createEventHub } from '../../gateway/event-hub';
import { createAppLogger, type AppLogger } from '../../logging';
import { createFileBlobStore, createMemoryKeyCipher, openFileKeyValueStore, systemClock } from '../../node';
import type { BrowserOpener, Clock, SecretCipher } from '../../ports';
import { createTaskRegistry } from '../tasks/task-registry';
import { createSecretVault } from '../vault/secret-vault';
import { runningSandbox } from './emulator-sandbox';
import { createSessionService, type SessionService } from './session-service';

/** A clock that can jump ahead, so tokens "expire" without waiting an hour; sleeping stays real. */
export function offsetClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, sleep: systemClock.sleep, advance: (ms) => void (offset += ms) };
}

export interface TestSession {
  readonly service: SessionService;
  readonly logger: AppLogger;
  readonly changes: SessionState[];
  readonly progress: unknown[];
}

/** The session service over a userData-like directory, with the sandbox as its "Local sandbox". */
export async function testSession(o: {
  readonly dir: string;
  readonly emulator: RunningEmulator;
  readonly browser: BrowserOpener;
  readonly cipher?: SecretCipher;
  readonly clock?: Clock;
  readonly signInTimeoutMs?: number;
}): Promise<TestSession> {
  const logger = createAppLogger({ logDir: join(o.dir, 'logs'), level: 'debug' });
  const clock = o.clock ?? systemClock;
  const kv = await openFileKeyValueStore({ dir: join(o.dir, 'state'), logger });
  const vault = createSecretVault({ cipher: o.cipher ?? createMemoryKeyCipher(), blobs: createFileBlobStore(join(o.dir, 'secrets')), logger });
  const events = createEventHub(logger);
  const changes: SessionState[] = [];
  const progress: unknown[] = [];
  events.subscribe((name, payload) => {
    if (name === 'session.changed') changes.push(payload as SessionState);
    if (name === 'auth.progress') progress.push(payload);
  });
  const tasks = createTaskRegistry({ events, clock, logger });
  const service = createSessionService({
    kv: kv.store,
    vault,
    clock,
    logger,
    events,
    tasks,
    browser: o.browser,
    sandbox: runningSandbox(o.emulator),
    configPath: () => join(o.dir, 'databrickscfg'),
    retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 5000 },
    ...(o.signInTimeoutMs ? { signInTimeoutMs: o.signInTimeoutMs } : {}),
  });
  await service.restore();
  return { service, logger, changes, progress };
}

/** Every file under `dir`, recursively, as text (logs, state, encrypted blobs). */
export async function allFileText(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, text: (await readFile(path)).toString('latin1') });
  }
  return out;
}

/** Secrets the sandbox issued or holds, which must never appear in a file the app wrote. */
export function sandboxSecrets(e: RunningEmulator): string[] {
  return [...e.users.flatMap((u) => [u.token, u.password]), ...e.servicePrincipals.map((s) => s.clientSecret)];
}

/** A raw token-endpoint call, for checking what the server thinks of a token (never used by the app). */
export async function fetchToken(e: RunningEmulator, form: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const agent = new Agent({ connect: { ca: e.caCertPem } });
  try {
    const res = await request(`${e.workspaceUrl}/oidc/v1/token`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.statusCode, body: await res.body.json() };
  } finally {
    await agent.close();
  }
}
