import { ChangeBus } from './changes';
import { ColumnSets } from './column-sets';
import type { CatalogEntity, FunctionEntity, SchemaEntity, TableEntity, VolumeEntity } from './model';

type Child = TableEntity | VolumeEntity | FunctionEntity;

/** Name-indexed children of one parent; names are already lower-case. */
class Index<T extends { readonly id: string; readonly name: string }> {
  readonly byId = new Map<string, T>();
  private readonly byParent = new Map<string, Map<string, T>>();

  constructor(private readonly parentOf: (e: T) => string) {}

  put(entity: T): void {
    const previous = this.byId.get(entity.id);
    if (previous) this.byParent.get(this.parentOf(previous))?.delete(previous.name);
    this.byId.set(entity.id, entity);
    const parent = this.parentOf(entity);
    let names = this.byParent.get(parent);
    if (!names) this.byParent.set(parent, (names = new Map()));
    names.set(entity.name, entity);
  }

  delete(id: string): T | undefined {
    const entity = this.byId.get(id);
    if (!entity) return undefined;
    this.byId.delete(id);
    this.byParent.get(this.parentOf(entity))?.delete(entity.name);
    return entity;
  }

  named(parentId: string, name: string): T | undefined {
    return this.byParent.get(parentId)?.get(name);
  }

  childrenOf(parentId: string): readonly T[] {
    return [...(this.byParent.get(parentId)?.values() ?? [])];
  }

  countOf(parentId: string): number {
    return this.byParent.get(parentId)?.size ?? 0;
  }
}

/**
 * The securables of one metastore, indexed by id and by (parent, name). Pure data: privilege checks live in
 * authz.ts and the statement/REST operations; every mutation is announced on the bus.
 */
export class EntityStore {
  readonly bus = new ChangeBus();
  readonly columnSets = new ColumnSets();
  readonly catalogs = new Index<CatalogEntity>(() => '');
  readonly schemas = new Index<SchemaEntity>((s) => s.catalogId);
  readonly tables = new Index<TableEntity>((t) => t.schemaId);
  readonly volumes = new Index<VolumeEntity>((v) => v.schemaId);
  readonly functions = new Index<FunctionEntity>((f) => f.schemaId);

  catalogNamed = (name: string): CatalogEntity | undefined => this.catalogs.named('', name);

  putCatalog(entity: CatalogEntity): void {
    this.catalogs.put(entity);
    this.bus.emit({ type: 'catalog', entity });
  }

  putSchema(entity: SchemaEntity): void {
    this.schemas.put(entity);
    this.bus.emit({ type: 'schema', entity });
  }

  putTable(entity: TableEntity): void {
    const interned = { ...entity, columns: this.columnSets.intern(entity.columns) };
    this.tables.put(interned);
    this.bus.emit({ type: 'table', entity: interned });
  }

  putVolume(entity: VolumeEntity): void {
    this.volumes.put(entity);
    this.bus.emit({ type: 'volume', entity });
  }

  putFunction(entity: FunctionEntity): void {
    this.functions.put(entity);
    this.bus.emit({ type: 'function', entity });
  }

  /** Removes a schema's children, then the schema. Returns the tables removed so their storage can be dropped. */
  deleteSchema(id: string): readonly TableEntity[] {
    const dropped: TableEntity[] = [];
    for (const t of this.tables.childrenOf(id)) dropped.push(this.deleteChild('TABLE', t));
    for (const v of this.volumes.childrenOf(id)) this.deleteChild('VOLUME', v);
    for (const f of this.functions.childrenOf(id)) this.deleteChild('FUNCTION', f);
    if (this.schemas.delete(id)) this.bus.emit({ type: 'deleted', kind: 'SCHEMA', id });
    return dropped;
  }

  deleteCatalog(id: string): readonly TableEntity[] {
    const dropped = this.schemas.childrenOf(id).flatMap((s) => this.deleteSchema(s.id));
    if (this.catalogs.delete(id)) this.bus.emit({ type: 'deleted', kind: 'CATALOG', id });
    return dropped;
  }

  deleteTable(id: string): void {
    const t = this.tables.byId.get(id);
    if (t) this.deleteChild('TABLE', t);
  }

  deleteVolume(id: string): void {
    const v = this.volumes.byId.get(id);
    if (v) this.deleteChild('VOLUME', v);
  }

  deleteFunction(id: string): void {
    const f = this.functions.byId.get(id);
    if (f) this.deleteChild('FUNCTION', f);
  }

  private deleteChild<T extends Child>(kind: 'TABLE' | 'VOLUME' | 'FUNCTION', entity: T): T {
    const index = kind === 'TABLE' ? this.tables : kind === 'VOLUME' ? this.volumes : this.functions;
    (index as Index<Child>).delete(entity.id);
    this.bus.emit({ type: 'deleted', kind, id: entity.id });
    return entity;
  }
}
