import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { quoteIdent } from '../../../shared/sql/quote';
import type { RunningEmulator } from '../../../emulator/start';
import type { SqlRow, WorkspaceConnection } from '../connection/types';
import { composedWithSandbox, type ComposedApp } from '../integration/integration.test-support';
import { openMetadataIndex, type MetadataIndex } from './index/metadata-index';

/** The app's own session on the sandbox (real driver, real REST client), and a fresh metadata index beside it. */
export interface CrawlBench {
  readonly app: ComposedApp;
  readonly connection: WorkspaceConnection;
  readonly httpPath: string;
  newIndex(name: string): Promise<MetadataIndex>;
  /** Runs SQL on the sandbox's warehouse as the signed-in user. */
  sql(statement: string): Promise<readonly SqlRow[]>;
  close(): Promise<void>;
}

/** The sandbox's running warehouse. */
export const runningWarehouse = (emulator: RunningEmulator): string => emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath;

export async function crawlBench(emulator: RunningEmulator, who?: string): Promise<CrawlBench> {
  const app = await composedWithSandbox(emulator, who);
  const connection = app.app.session.requireConnection();
  const httpPath = runningWarehouse(emulator);
  const dir = await mkdtemp(join(tmpdir(), 'ucb-metadata-'));
  const indexes: MetadataIndex[] = [];
  return {
    app,
    connection,
    httpPath,
    async newIndex(name) {
      const index = await openMetadataIndex(join(dir, name, 'index.duckdb'));
      indexes.push(index);
      return index;
    },
    async sql(statement) {
      const session = await connection.sql(httpPath);
      try {
        return await session.execute(statement);
      } finally {
        await session.close();
      }
    },
    async close() {
      for (const i of indexes) await i.close();
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Turns on `system.access` and `system.query` (the system schemas API, reference §3.4) and lets the signed-in admin
 * read them, as step 2's audit set-up does for the service principal.
 */
export async function enableSystemTables(connection: WorkspaceConnection, metastoreId: string, httpPath: string): Promise<void> {
  for (const schema of ['access', 'query']) {
    await connection.rest.request({ method: 'PUT', path: `/api/2.1/unity-catalog/metastores/${metastoreId}/systemschemas/${schema}`, body: {}, schema: z.unknown() });
  }
  const me = quoteIdent(connection.identity.userName);
  const session = await connection.sql(httpPath);
  try {
    await session.execute(`GRANT USE CATALOG ON CATALOG system TO ${me}`);
    for (const schema of ['access', 'query']) await session.execute(`GRANT USE SCHEMA, SELECT ON SCHEMA system.${schema} TO ${me}`);
  } finally {
    await session.close();
  }
}
