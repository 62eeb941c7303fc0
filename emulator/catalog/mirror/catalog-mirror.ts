import type { DuckDBAppender } from '@duckdb/node-api';
import { duckString, duckValue, type Duck } from '../../sql/duck';
import type { AclStore } from '../acl-store';
import type { CatalogChange } from '../changes';
import type { EntityStore } from '../entity-store';
import { MIRROR_TABLES, mirrorDdl, type MirrorTableName } from './mirror-tables';
import {
  allRows, catalogRow, columnMaskRows, columnSetRows, functionRow, grantRows, rowFilterRows, schemaRow, tableRow, tagRows,
  volumeRow, type Row,
} from './mirror-rows';

type EntityKind = 'catalogs' | 'schemas' | 'tables' | 'volumes' | 'functions';
const KIND_OF: Readonly<Record<string, EntityKind>> = {
  CATALOG: 'catalogs', SCHEMA: 'schemas', TABLE: 'tables', VOLUME: 'volumes', FUNCTION: 'functions',
};

/**
 * Keeps the DuckDB tables behind information_schema (schema `uc`) in step with the model. Changes are coalesced
 * per entity and applied in one batch before the next statement that reads them (`sync()`), so a burst of DDL
 * costs a few statements, and a bulk load rebuilds everything through appenders (`rebuild()`).
 */
export class CatalogMirror {
  private readonly dirty: Record<EntityKind | 'grants' | 'tags', Set<string>> = {
    catalogs: new Set(), schemas: new Set(), tables: new Set(), volumes: new Set(), functions: new Set(), grants: new Set(), tags: new Set(),
  };
  private readonly mirroredSets = new Set<number>();
  private pending = false;

  constructor(
    private readonly duck: Duck,
    private readonly store: EntityStore,
    private readonly acl: AclStore,
    private readonly workspaceId: string,
    private readonly storageRoot: string,
  ) {
    store.bus.subscribe((change) => this.mark(change));
  }

  private mark(change: CatalogChange): void {
    this.pending = true;
    switch (change.type) {
      case 'catalog':
      case 'schema':
      case 'table':
      case 'volume':
      case 'function':
        this.dirty[`${change.type}s`].add(change.entity.id);
        return;
      case 'deleted':
        this.dirty[KIND_OF[change.kind]!].add(change.id);
        return;
      case 'grants':
        this.dirty.grants.add(change.securableKey);
        return;
      case 'tags':
        this.dirty.tags.add(change.targetKey);
        return;
      case 'settings':
        return;
    }
  }

  /** Applies every change made so far; resolves once the mirror reflects them. */
  sync(): Promise<void> {
    if (!this.pending) return this.duck.serial(async () => undefined);
    this.pending = false;
    const sql = this.batchSql();
    return this.duck.serial(async (c) => {
      if (sql.length > 0) await c.run(sql.join('\n'));
    });
  }

  private batchSql(): string[] {
    const sql: string[] = [];
    const replace = (table: MirrorTableName, keyColumn: string, keys: Iterable<string>, rows: readonly Row[]) => {
      const list = [...keys];
      if (list.length === 0) return;
      for (let i = 0; i < list.length; i += 1000) {
        sql.push(`DELETE FROM uc.${table} WHERE ${keyColumn} IN (${list.slice(i, i + 1000).map(duckString).join(', ')});`);
      }
      for (let i = 0; i < rows.length; i += 1000) {
        const values = rows.slice(i, i + 1000).map((r) => `(${r.map(duckValue).join(', ')})`);
        sql.push(`INSERT INTO uc.${table} VALUES ${values.join(', ')};`);
      }
    };
    const take = (kind: keyof typeof this.dirty) => {
      const keys = [...this.dirty[kind]];
      this.dirty[kind].clear();
      return keys;
    };
    const s = this.store;
    const catalogs = take('catalogs');
    replace('catalogs', 'id', catalogs, catalogs.flatMap((id) => maybe(s.catalogs.byId.get(id), (c) => catalogRow(c, this.workspaceId))));
    const schemas = take('schemas');
    replace('schemas', 'id', schemas, schemas.flatMap((id) => maybe(s.schemas.byId.get(id), schemaRow)));
    const tables = take('tables');
    const live = tables.flatMap((id) => maybe(s.tables.byId.get(id), (t) => t));
    const newSets: Row[] = [];
    for (const t of live) {
      const setId = s.columnSets.idOf(t.columns);
      if (!this.mirroredSets.has(setId)) {
        this.mirroredSets.add(setId);
        newSets.push(...columnSetRows(setId, t.columns));
      }
    }
    if (newSets.length > 0) sql.push(`INSERT INTO uc.column_sets VALUES ${newSets.map((r) => `(${r.map(duckValue).join(', ')})`).join(', ')};`);
    replace('tables', 'id', tables, live.map((t) => tableRow(t, s.columnSets.idOf(t.columns), this.storageRoot)));
    replace('row_filters', 'table_id', tables, live.flatMap(rowFilterRows));
    replace('column_masks', 'table_id', tables, live.flatMap(columnMaskRows));
    const volumes = take('volumes');
    replace('volumes', 'id', volumes, volumes.flatMap((id) => maybe(s.volumes.byId.get(id), volumeRow)));
    const functions = take('functions');
    replace('functions', 'id', functions, functions.flatMap((id) => maybe(s.functions.byId.get(id), functionRow)));
    const grants = take('grants');
    replace('grants', 'securable', grants, grants.flatMap((k) => grantRows(this.acl, k)));
    const tags = take('tags');
    replace('tags', 'target', tags, tags.flatMap((k) => tagRows(this.acl, k)));
    return sql;
  }

  /** Recreates the mirror from the whole model (after a seed or a snapshot load). */
  async rebuild(): Promise<void> {
    for (const set of Object.values(this.dirty)) set.clear();
    this.pending = false;
    this.mirroredSets.clear();
    for (const set of this.store.columnSets.all()) this.mirroredSets.add(this.store.columnSets.idOf(set));
    await this.duck.serial(async (c) => {
      await c.run(mirrorDdl());
      const appenders = new Map<MirrorTableName, DuckDBAppender>();
      for (const name of Object.keys(MIRROR_TABLES) as MirrorTableName[]) appenders.set(name, await c.createAppender(name, 'uc'));
      for (const [table, row] of allRows(this.store, this.acl, this.workspaceId, this.storageRoot)) {
        append(appenders.get(table)!, MIRROR_TABLES[table].columns, row);
      }
      for (const a of appenders.values()) {
        a.flushSync();
        a.closeSync();
      }
    });
  }
}

const maybe = <T, R>(value: T | undefined, fn: (v: T) => R): R[] => (value === undefined ? [] : [fn(value)]);

function append(a: DuckDBAppender, columns: readonly (readonly [string, string])[], row: Row): void {
  columns.forEach(([, kind], i) => {
    const v = row[i];
    if (v === null || v === undefined) a.appendNull();
    else if (kind === 'v') a.appendVarchar(String(v));
    else if (kind === 'i') a.appendInteger(Number(v));
    else if (kind === 'l') a.appendBigInt(BigInt(v as number));
    else a.appendBoolean(Boolean(v));
  });
  a.endRow();
}
