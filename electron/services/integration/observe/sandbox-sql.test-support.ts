import type { GrantViewer } from './viewer';
import type { RunningEmulator } from '../../../../emulator/start';
import { createAppLogger } from '../../../logging';
import { systemClock } from '../../../node';
import type { SqlSession } from '../../connection/types';
import { createTlsTrust } from '../../http/tls-trust';
import { createSqlFactory } from '../../sql/sql-factory';
import { createTokenSource } from '../../vault/token-source';

/**
 * SQL sessions on the sandbox's running warehouse as one of its seeded users, through the app's own SQL factory
 * (real driver, partner User-Agent, the sandbox CA trusted explicitly). The user's PAT is the token: it never
 * expires, so no renewal is wired.
 */
export interface SandboxSql {
  open(): Promise<SqlSession>;
  close(): Promise<void>;
}

export function sandboxSql(emulator: RunningEmulator, userName: string, logDir: string): SandboxSql {
  const user = emulator.users.find((u) => u.userName === userName);
  if (!user) throw new Error(`no sandbox user ${userName}`);
  const logger = createAppLogger({ logDir, level: 'warn' });
  const trust = createTlsTrust(emulator.caCertPem);
  const tokens = createTokenSource({
    clock: systemClock,
    logger,
    initial: { accessToken: user.token, expiresAt: undefined },
    persist: async () => undefined,
    onChange: () => undefined,
  });
  const factory = createSqlFactory({ host: new URL(emulator.workspaceUrl).host, trust, tokens, logger, clock: systemClock });
  const running = emulator.warehouses.find((w) => w.state === 'RUNNING');
  if (!running) throw new Error('the sandbox has no running warehouse');
  return {
    open: () => factory.open(running.httpPath),
    async close() {
      await factory.closeAll();
      await trust.close();
      tokens.dispose();
    },
  };
}

/** One statement as a seeded user, in a session of its own (opened and closed around it). */
export async function sandboxQuery(emulator: RunningEmulator, userName: string, logDir: string, sql: string): Promise<readonly Record<string, unknown>[]> {
  const s = sandboxSql(emulator, userName, logDir);
  const session = await s.open();
  try {
    return await session.execute(sql);
  } finally {
    await s.close();
  }
}

/** A reader the privilege views show every grant: a metastore admin (the sandbox admin user is one). */
export const ADMIN_VIEWER: GrantViewer = { names: [], metastoreAdmin: true };
