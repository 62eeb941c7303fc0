import { ucErrors } from './errors';
import type { EntityStore } from './entity-store';
import type { SecurableRef } from './model';

type CatalogRef = Extract<SecurableRef, { kind: 'CATALOG' }>;
type SchemaRef = Extract<SecurableRef, { kind: 'SCHEMA' }>;
export type TableRef = Extract<SecurableRef, { kind: 'TABLE' }>;
export type VolumeRef = Extract<SecurableRef, { kind: 'VOLUME' }>;
export type FunctionRef = Extract<SecurableRef, { kind: 'FUNCTION' }>;

/** Name lookups that raise Unity Catalog's not-found errors. Names are compared lower-case (R20). */
export class Resolver {
  constructor(private readonly store: EntityStore) {}

  catalog(name: string): CatalogRef {
    const catalog = this.store.catalogNamed(name.toLowerCase());
    if (!catalog) throw ucErrors.catalogNotFound(name);
    return { kind: 'CATALOG', catalog };
  }

  schema(catalog: string, schema: string): SchemaRef {
    const c = this.catalog(catalog).catalog;
    const s = this.store.schemas.named(c.id, schema.toLowerCase());
    if (!s) throw ucErrors.schemaNotFound([catalog, schema]);
    return { kind: 'SCHEMA', catalog: c, schema: s };
  }

  table(catalog: string, schema: string, table: string): TableRef {
    const found = this.findTable(catalog, schema, table);
    if (!found) throw ucErrors.tableNotFound([catalog, schema, table]);
    return found;
  }

  /** Like `table`, but a missing catalog, schema or table all answer undefined. */
  findTable(catalog: string, schema: string, table: string): TableRef | undefined {
    const c = this.store.catalogNamed(catalog.toLowerCase());
    const s = c && this.store.schemas.named(c.id, schema.toLowerCase());
    const t = s && this.store.tables.named(s.id, table.toLowerCase());
    return c && s && t ? { kind: 'TABLE', catalog: c, schema: s, table: t } : undefined;
  }

  volume(catalog: string, schema: string, volume: string): VolumeRef {
    const { catalog: c, schema: s } = this.schema(catalog, schema);
    const v = this.store.volumes.named(s.id, volume.toLowerCase());
    if (!v) throw ucErrors.volumeNotFound([catalog, schema, volume]);
    return { kind: 'VOLUME', catalog: c, schema: s, volume: v };
  }

  findFunction(catalog: string, schema: string, name: string): FunctionRef | undefined {
    const c = this.store.catalogNamed(catalog.toLowerCase());
    const s = c && this.store.schemas.named(c.id, schema.toLowerCase());
    const fn = s && this.store.functions.named(s.id, name.toLowerCase());
    return c && s && fn ? { kind: 'FUNCTION', catalog: c, schema: s, fn } : undefined;
  }

  function(catalog: string, schema: string, name: string): FunctionRef {
    const found = this.findFunction(catalog, schema, name);
    if (!found) throw ucErrors.routineNotFound([catalog, schema, name]);
    return found;
  }

  /** `a.b.c` full names from REST paths; dots inside names are impossible (R20), so a split is exact. */
  parts(fullName: string, count: number): string[] {
    const parts = fullName.split('.');
    if (parts.length !== count || parts.some((p) => p.length === 0)) {
      throw ucErrors.invalidParameter(`Invalid full name '${fullName}': expected ${count} dot-separated parts.`);
    }
    return parts;
  }
}
