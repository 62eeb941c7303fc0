/**
 * The Unity Catalog model's entities. Every entity is immutable: an update replaces the object in the store.
 * Names of securables are stored lower-case (reference §0.1, R20); column names keep their case.
 */

export interface Stamp {
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

export type IsolationMode = 'OPEN' | 'ISOLATED';
export type BindingType = 'BINDING_TYPE_READ_WRITE' | 'BINDING_TYPE_READ_ONLY';

export interface WorkspaceBinding {
  readonly workspaceId: string;
  readonly bindingType: BindingType;
}

export interface CatalogEntity extends Stamp {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly comment: string | null;
  readonly properties: Readonly<Record<string, string>>;
  readonly catalogType: 'MANAGED_CATALOG' | 'SYSTEM_CATALOG';
  readonly isolationMode: IsolationMode;
  readonly bindings: readonly WorkspaceBinding[];
  /** `MANAGED LOCATION` / REST `storage_root` given at creation; absent: the metastore's root storage. */
  readonly managedLocation?: string;
}

export interface SchemaEntity extends Stamp {
  readonly id: string;
  readonly catalogId: string;
  readonly name: string;
  readonly owner: string;
  readonly comment: string | null;
  readonly properties: Readonly<Record<string, string>>;
}

export interface ColumnDef {
  readonly name: string;
  /** Databricks type text, lower-case as `full_data_type` shows it: `string`, `decimal(10,2)`, `array<string>`. */
  readonly typeText: string;
  readonly nullable: boolean;
  readonly comment: string | null;
}

/** One argument of a row filter or mask: a column of the table, or a constant literal (R4, R5). */
export type PolicyArg = { readonly kind: 'column'; readonly name: string } | { readonly kind: 'literal'; readonly sql: string };

export interface RowFilter {
  /** Full name of the SQL UDF, `catalog.schema.function`. */
  readonly functionName: readonly [string, string, string];
  readonly args: readonly PolicyArg[];
}

export interface ColumnMask {
  readonly column: string;
  readonly functionName: readonly [string, string, string];
  /** Extra arguments after the masked column (`USING COLUMNS (…)`). */
  readonly using: readonly PolicyArg[];
}

export type TableType = 'MANAGED' | 'EXTERNAL' | 'VIEW';

export interface TableEntity extends Stamp {
  readonly id: string;
  readonly schemaId: string;
  readonly name: string;
  readonly tableType: TableType;
  /** Interned: tables with identical columns share one frozen array (see column-sets.ts). */
  readonly columns: readonly ColumnDef[];
  readonly owner: string;
  readonly comment: string | null;
  readonly properties: Readonly<Record<string, string>>;
  /** Databricks SQL text of a view's query. */
  readonly viewText: string | null;
  readonly rowFilter: RowFilter | null;
  readonly masks: readonly ColumnMask[];
  /** Where an EXTERNAL table's files live (managed tables live under the metastore's storage root). */
  readonly location?: string;
  /** DuckDB table holding the rows, created on first write; null means the table has never held a row. */
  readonly storage: string | null;
}

export interface VolumeEntity extends Stamp {
  readonly id: string;
  readonly schemaId: string;
  readonly name: string;
  readonly volumeType: 'MANAGED' | 'EXTERNAL';
  readonly owner: string;
  readonly comment: string | null;
  readonly storageLocation: string;
}

export interface FunctionParam {
  readonly name: string;
  readonly typeText: string;
  readonly comment: string | null;
  /** Databricks SQL of the DEFAULT expression. */
  readonly defaultSql: string | null;
}

export interface FunctionEntity extends Stamp {
  readonly id: string;
  readonly schemaId: string;
  readonly name: string;
  readonly params: readonly FunctionParam[];
  /** Scalar return type text, or null for a table function. */
  readonly returnType: string | null;
  readonly returnColumns: readonly ColumnDef[] | null;
  /** Databricks SQL of the body (`RETURN <this>`). */
  readonly body: string;
  readonly deterministic: boolean;
  readonly sqlDataAccess: 'CONTAINS_SQL' | 'READS_SQL_DATA' | 'NO_SQL';
  readonly owner: string;
  readonly comment: string | null;
}

/** Securables a grant, a tag or an owner can attach to. Columns only carry tags. */
export type SecurableRef =
  | { readonly kind: 'METASTORE' }
  | { readonly kind: 'CATALOG'; readonly catalog: CatalogEntity }
  | { readonly kind: 'SCHEMA'; readonly catalog: CatalogEntity; readonly schema: SchemaEntity }
  | { readonly kind: 'TABLE'; readonly catalog: CatalogEntity; readonly schema: SchemaEntity; readonly table: TableEntity }
  | { readonly kind: 'VOLUME'; readonly catalog: CatalogEntity; readonly schema: SchemaEntity; readonly volume: VolumeEntity }
  | { readonly kind: 'FUNCTION'; readonly catalog: CatalogEntity; readonly schema: SchemaEntity; readonly fn: FunctionEntity };

/** Entities that can hold tags (reference §1.11): catalog, schema, table (incl. views), column, volume. */
export type TagTarget =
  | { readonly kind: 'CATALOG'; readonly id: string }
  | { readonly kind: 'SCHEMA'; readonly id: string }
  | { readonly kind: 'TABLE'; readonly id: string }
  | { readonly kind: 'COLUMN'; readonly id: string; readonly column: string }
  | { readonly kind: 'VOLUME'; readonly id: string };

export const tagKeyOf = (t: TagTarget): string => (t.kind === 'COLUMN' ? `COLUMN:${t.id}:${t.column.toLowerCase()}` : `${t.kind}:${t.id}`);

/** Key of a securable in the grant map. */
export const grantKeyOf = (kind: string, id: string): string => `${kind}:${id}`;
