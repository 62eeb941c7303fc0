import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBSQLClient } from '@databricks/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start';
import { query } from '../warehouse/testing/test-warehouse';
import { createCatalogSide } from './catalog-side';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function sql(emu: RunningEmulator, statement: string): Promise<Record<string, unknown>[]> {
  const client = new DBSQLClient();
  try {
    await client.connect({ host: '127.0.0.1', port: Number(new URL(emu.workspaceUrl).port), path: emu.warehouses[0]!.httpPath, token: emu.users[0]!.token, customCaCert: emu.caCertPem, telemetryEnabled: false });
    return await query(await client.openSession(), statement);
  } finally {
    await client.close();
  }
}

describe('--data-dir', () => {
  it('keeps catalogs, rows, grants and tags across a restart, and does not seed twice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ucbridge-uc-'));
    dirs.push(dataDir);
    const first = await startEmulator({ seed: 'empty', dataDir, catalogSide: createCatalogSide(), log: () => undefined });
    try {
      await sql(first, 'CREATE SCHEMA main.kept');
      await sql(first, "CREATE TABLE main.kept.t (id INT, note STRING) COMMENT 'survives'");
      await sql(first, "INSERT INTO main.kept.t VALUES (1, 'é'), (2, 'two')");
      await sql(first, "ALTER TABLE main.kept.t ALTER COLUMN note SET TAGS ('pii' = 'free_text')");
    } finally {
      await first.stop();
    }
    const second = await startEmulator({ seed: 'empty', dataDir, catalogSide: createCatalogSide(), log: () => undefined });
    try {
      expect(await sql(second, 'SELECT * FROM main.kept.t ORDER BY id')).toEqual([{ id: 1, note: 'é' }, { id: 2, note: 'two' }]);
      expect(await sql(second, "SELECT comment FROM main.information_schema.tables WHERE table_name = 't'")).toEqual([{ comment: 'survives' }]);
      expect(await sql(second, 'SELECT tag_value FROM main.information_schema.column_tags')).toEqual([{ tag_value: 'free_text' }]);
      expect(await sql(second, "SHOW GRANTS ON SCHEMA main.default")).toContainEqual({ principal: 'account users', actionType: 'CREATE TABLE', objectType: 'SCHEMA', objectKey: 'main.default' });
      expect((await sql(second, 'SHOW CATALOGS')).map((r) => r.catalog)).toEqual(['main', 'system']);
    } finally {
      await second.stop();
    }
  });
});
