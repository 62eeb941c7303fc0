import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnDef, TableEntity } from '../../catalog/model';
import type { UnityCatalog } from '../../catalog/unity-catalog';
import { duckIdent } from '../duck';
import { parseTypeText, toDuckType } from '../types';

/** Table rows live in DuckDB schema `data`, one table per Unity Catalog table id. */
export const storageNameOf = (tableId: string): string => `data.t_${tableId.replaceAll('-', '')}`;

export const columnsDdl = (columns: readonly ColumnDef[]): string =>
  columns.map((c) => `${duckIdent(c.name)} ${toDuckType(parseTypeText(c.typeText))}${c.nullable ? '' : ' NOT NULL'}`).join(', ');

/** Creates a table's storage on first write (seeded tables start without any). Returns the storage name. */
export async function materialize(uc: UnityCatalog, table: TableEntity, connection: DuckDBConnection): Promise<string> {
  if (table.storage !== null) return table.storage;
  const name = storageNameOf(table.id);
  await connection.run(`CREATE TABLE IF NOT EXISTS ${name} (${columnsDdl(table.columns)})`);
  const current = uc.store.tables.byId.get(table.id);
  if (current) uc.store.putTable({ ...current, storage: name });
  return name;
}

/** Drops the rows of tables removed from the catalog (never the system tables' storage). */
export async function dropStorage(uc: UnityCatalog, tables: readonly TableEntity[] | undefined): Promise<void> {
  const names = (tables ?? []).map((t) => t.storage).filter((s): s is string => s !== null && s.startsWith('data.'));
  if (names.length > 0) await uc.duck.exec(names.map((n) => `DROP TABLE IF EXISTS ${n};`).join('\n'));
}
