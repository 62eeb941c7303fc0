import type { Principal } from '../contracts';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { materialize } from '../sql/engine/storage';
import { withConnection } from '../sql/engine/with-connection';
import type { SeedValue } from './catalog-data';

export type SeedRow = readonly SeedValue[];

/** The text DuckDB casts to the column's type, as it casts the literal `sqlValue` writes (null is appended as NULL). */
function castText(value: Exclude<SeedValue, null>): string {
  if (typeof value === 'object') return 'date' in value ? value.date : value.ts;
  return String(value);
}

/**
 * Appends seed rows to a table's storage, after the checks an INSERT makes (USE CATALOG, USE SCHEMA, MODIFY).
 * Returns how many rows went in.
 */
export async function appendSeedRows(uc: UnityCatalog, principal: Principal, name: readonly [string, string, string], rows: readonly SeedRow[]): Promise<number> {
  const ref = uc.resolve.table(...name);
  const subject = uc.subject(principal);
  uc.authz.requireUsage(subject, ref);
  uc.authz.require(subject, ref, 'MODIFY');
  return withConnection(uc, async (c) => {
    const [schema, table] = (await materialize(uc, ref.table, c)).split('.') as [string, string];
    const appender = await c.createAppender(table, schema);
    try {
      for (const row of rows) {
        for (const value of row) {
          if (value === null) appender.appendNull();
          else appender.appendVarchar(castText(value));
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return rows.length;
  });
}
