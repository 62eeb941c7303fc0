import type { Token } from './lexer';

/** Parsed Databricks SQL statements. Names keep the case they were written in; resolution lower-cases them. */

export type Name = readonly string[];

export type SecurableSpec =
  | { readonly kind: 'METASTORE' }
  | { readonly kind: 'CATALOG'; readonly name: Name | null }
  | { readonly kind: 'SCHEMA' | 'TABLE' | 'VIEW' | 'VOLUME' | 'FUNCTION'; readonly name: Name };

/** A row-filter / mask argument as written: a column name or a constant literal's tokens. */
export type ArgSpec = { readonly kind: 'column'; readonly name: string } | { readonly kind: 'literal'; readonly tokens: readonly Token[]; readonly sql: string };

export interface ColumnSpec {
  readonly name: string;
  readonly typeText: string;
  readonly nullable: boolean;
  readonly comment: string | null;
  readonly mask: { readonly fn: Name; readonly using: readonly ArgSpec[] } | null;
}

export interface ParamSpec {
  readonly name: string;
  readonly typeText: string;
  readonly comment: string | null;
  readonly defaultSql: string | null;
}

/** ABAC (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy). */
export interface PolicyOnSpec {
  readonly kind: 'CATALOG' | 'SCHEMA' | 'TABLE';
  readonly name: Name;
}
export interface TagConditionSpec {
  readonly key: string;
  readonly value: string | null;
}

export type Statement =
  | { readonly type: 'query'; readonly tokens: readonly Token[] }
  | { readonly type: 'insert'; readonly target: Name; readonly overwrite: boolean; readonly columns: readonly string[] | null; readonly source: readonly Token[] }
  | { readonly type: 'update'; readonly target: Name; readonly alias: string | null; readonly rest: readonly Token[] }
  | { readonly type: 'delete'; readonly target: Name; readonly alias: string | null; readonly where: readonly Token[] | null }
  | { readonly type: 'merge'; readonly target: Name; readonly alias: string | null; readonly rest: readonly Token[] }
  | { readonly type: 'create-catalog'; readonly name: string; readonly ifNotExists: boolean; readonly comment: string | null; readonly managedLocation: string | null; readonly properties: Readonly<Record<string, string>> }
  | { readonly type: 'create-schema'; readonly name: Name; readonly ifNotExists: boolean; readonly comment: string | null; readonly properties: Readonly<Record<string, string>> }
  | {
      readonly type: 'create-table';
      readonly name: Name;
      readonly orReplace: boolean;
      readonly ifNotExists: boolean;
      readonly columns: readonly ColumnSpec[] | null;
      readonly comment: string | null;
      readonly properties: Readonly<Record<string, string>>;
      readonly rowFilter: { readonly fn: Name; readonly args: readonly ArgSpec[] } | null;
      readonly external: string | null;
      readonly query: { readonly tokens: readonly Token[] } | null;
    }
  | {
      readonly type: 'create-view';
      readonly name: Name;
      readonly orReplace: boolean;
      readonly ifNotExists: boolean;
      readonly columns: readonly { readonly name: string; readonly comment: string | null }[] | null;
      readonly comment: string | null;
      readonly query: readonly Token[];
      readonly queryText: string;
    }
  | { readonly type: 'create-volume'; readonly name: Name; readonly external: boolean; readonly location: string | null; readonly ifNotExists: boolean; readonly comment: string | null }
  | {
      readonly type: 'create-function';
      readonly name: Name;
      readonly orReplace: boolean;
      readonly ifNotExists: boolean;
      readonly params: readonly ParamSpec[];
      readonly returnType: string | null;
      readonly returnColumns: readonly ColumnSpec[] | null;
      readonly body: string;
      readonly comment: string | null;
      readonly deterministic: boolean;
      readonly readsSqlData: boolean;
    }
  | { readonly type: 'drop'; readonly kind: 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VIEW' | 'VOLUME' | 'FUNCTION'; readonly name: Name; readonly ifExists: boolean; readonly cascade: boolean }
  | { readonly type: 'grant' | 'revoke'; readonly privileges: readonly string[] | 'ALL'; readonly securable: SecurableSpec; readonly principal: string }
  | { readonly type: 'show-grants'; readonly principal: string | null; readonly securable: SecurableSpec }
  | { readonly type: 'set-owner'; readonly securable: SecurableSpec; readonly principal: string }
  | { readonly type: 'set-comment'; readonly securable: SecurableSpec; readonly comment: string | null }
  | { readonly type: 'rename'; readonly securable: SecurableSpec; readonly newName: Name }
  | { readonly type: 'set-row-filter'; readonly table: Name; readonly fn: Name; readonly args: readonly ArgSpec[] }
  | { readonly type: 'drop-row-filter'; readonly table: Name }
  | { readonly type: 'set-mask'; readonly table: Name; readonly column: string; readonly fn: Name; readonly using: readonly ArgSpec[] }
  | { readonly type: 'drop-mask'; readonly table: Name; readonly column: string }
  | { readonly type: 'set-tags' | 'unset-tags'; readonly securable: SecurableSpec; readonly column: string | null; readonly tags: readonly (readonly [string, string])[]; readonly strict: boolean }
  | { readonly type: 'add-columns'; readonly table: Name; readonly columns: readonly ColumnSpec[] }
  | { readonly type: 'alter-column-comment'; readonly table: Name; readonly column: string; readonly comment: string | null }
  | { readonly type: 'show'; readonly what: 'CATALOGS' | 'SCHEMAS' | 'TABLES' | 'VIEWS' | 'FUNCTIONS' | 'VOLUMES'; readonly in: Name | null; readonly pattern: string | null }
  | { readonly type: 'show-columns'; readonly table: Name }
  | { readonly type: 'show-create-table'; readonly table: Name }
  | { readonly type: 'describe'; readonly kind: 'TABLE' | 'CATALOG' | 'SCHEMA' | 'FUNCTION' | 'VOLUME'; readonly name: Name; readonly extended: boolean }
  | { readonly type: 'use'; readonly kind: 'CATALOG' | 'SCHEMA'; readonly name: Name }
  | { readonly type: 'set-config'; readonly key: string | null; readonly value: string | null }
  | {
      readonly type: 'create-policy';
      readonly orReplace: boolean;
      readonly name: string;
      readonly on: PolicyOnSpec;
      readonly comment: string | null;
      readonly policyType: 'ROW_FILTER' | 'COLUMN_MASK';
      readonly fn: Name;
      readonly to: readonly string[];
      readonly except: readonly string[];
      readonly when: TagConditionSpec | null;
      readonly match: readonly { readonly condition: TagConditionSpec; readonly alias: string | null }[];
      readonly onColumn: string | null;
      readonly using: readonly ({ readonly kind: 'alias'; readonly alias: string } | { readonly kind: 'literal'; readonly sql: string })[];
    }
  | { readonly type: 'drop-policy'; readonly name: string; readonly on: PolicyOnSpec }
  | { readonly type: 'show-policies'; readonly effective: boolean; readonly on: PolicyOnSpec }
  | { readonly type: 'describe-policy'; readonly name: string; readonly on: PolicyOnSpec };

export type StatementType = Statement['type'];
