import type { AbacPolicy } from '../../catalog/abac/abac-model';
import { duckString, duckStringList } from '../duck';

/**
 * Who is asking and which catalog's information_schema: rows are limited to what the caller may interact with
 * (reference §2, R25/R30/R32), and `<catalog>.information_schema` shows that catalog only.
 */
export interface InfoScope {
  /** The caller's name and group names, lower-case. */
  readonly names: readonly string[];
  /** Metastore admins see every object. */
  readonly admin: boolean;
  readonly catalog: string | null;
  /** The metastore's ABAC policies, for ABAC_POLICY_DEFINITIONS (only statements that read it pass them). */
  readonly abacPolicies?: readonly AbacPolicy[];
}

const TABLE_PRIVS = `'ALL_PRIVILEGES','SELECT','MODIFY','MANAGE','APPLY_TAG'`;
const VOLUME_PRIVS = `'ALL_PRIVILEGES','READ_VOLUME','WRITE_VOLUME','MANAGE','APPLY_TAG'`;
const FUNCTION_PRIVS = `'ALL_PRIVILEGES','EXECUTE','MANAGE'`;

export class Visibility {
  private readonly list: string;

  constructor(readonly scope: InfoScope) {
    this.list = duckStringList(scope.names);
  }

  owns(column: string): string {
    return `list_contains(${this.list}, lower(${column}))`;
  }

  granted(kind: string, privileges?: string): string {
    const filter = privileges === undefined ? '' : ` AND privilege IN (${privileges})`;
    return `(SELECT securable_id FROM uc.grants WHERE securable_kind = '${kind}' AND list_contains(${this.list}, grantee_key)${filter})`;
  }

  /** Rows of catalog alias `c` in scope: bound to this workspace, and the requested catalog if any. */
  catalogScope(c = 'c'): string {
    const only = this.scope.catalog === null ? '' : ` AND ${c}.name = ${duckString(this.scope.catalog)}`;
    return `${c}.bound${only}`;
  }

  table(t = 't', s = 's', c = 'c'): string {
    if (this.scope.admin) return 'TRUE';
    return `(${this.owns(`${t}.owner`)} OR ${this.owns(`${s}.owner`)} OR ${this.owns(`${c}.owner`)} OR ${t}.id IN ${this.granted('TABLE')}
      OR ${s}.id IN ${this.granted('SCHEMA', TABLE_PRIVS)} OR ${c}.id IN ${this.granted('CATALOG', `${TABLE_PRIVS},'BROWSE'`)})`;
  }

  volume(v = 'v', s = 's', c = 'c'): string {
    if (this.scope.admin) return 'TRUE';
    return `(${this.owns(`${v}.owner`)} OR ${this.owns(`${s}.owner`)} OR ${this.owns(`${c}.owner`)} OR ${v}.id IN ${this.granted('VOLUME')}
      OR ${s}.id IN ${this.granted('SCHEMA', VOLUME_PRIVS)} OR ${c}.id IN ${this.granted('CATALOG', `${VOLUME_PRIVS},'BROWSE'`)})`;
  }

  routine(f = 'f', s = 's', c = 'c'): string {
    if (this.scope.admin) return 'TRUE';
    return `(${this.owns(`${f}.owner`)} OR ${this.owns(`${s}.owner`)} OR ${this.owns(`${c}.owner`)} OR ${f}.id IN ${this.granted('FUNCTION')}
      OR ${s}.id IN ${this.granted('SCHEMA', FUNCTION_PRIVS)} OR ${c}.id IN ${this.granted('CATALOG', `${FUNCTION_PRIVS},'BROWSE'`)})`;
  }

  /** A schema is visible through itself or anything inside it the caller owns or holds a privilege on. */
  private schemaOwn(s: string): string {
    return `(${this.owns(`${s}.owner`)} OR ${s}.id IN ${this.granted('SCHEMA')}
      OR ${s}.id IN (SELECT schema_id FROM uc.tables WHERE id IN ${this.granted('TABLE')} OR ${this.owns('owner')})
      OR ${s}.id IN (SELECT schema_id FROM uc.volumes WHERE id IN ${this.granted('VOLUME')} OR ${this.owns('owner')})
      OR ${s}.id IN (SELECT schema_id FROM uc.functions WHERE id IN ${this.granted('FUNCTION')} OR ${this.owns('owner')}))`;
  }

  schema(s = 's', c = 'c'): string {
    if (this.scope.admin) return 'TRUE';
    return `(${this.schemaOwn(s)} OR ${this.owns(`${c}.owner`)}
      OR ${c}.id IN (SELECT securable_id FROM uc.grants WHERE securable_kind = 'CATALOG' AND list_contains(${this.list}, grantee_key)
        AND privilege NOT IN ('USE_CATALOG', 'CREATE_SCHEMA')))`;
  }

  catalog(c = 'c'): string {
    if (this.scope.admin) return 'TRUE';
    return `(${this.owns(`${c}.owner`)} OR ${c}.id IN ${this.granted('CATALOG')}
      OR ${c}.id IN (SELECT s2.catalog_id FROM uc.schemas s2 WHERE ${this.schemaOwn('s2')}))`;
  }

  /**
   * Owner or MANAGE holder of any of the given objects (aliases of tables, schemas, catalogs; a missing one is NULL):
   * who may DESCRIBE a policy attached there. Metastore admins always.
   */
  managesAny(aliases: readonly ('t' | 's' | 'c')[]): string {
    if (this.scope.admin) return 'TRUE';
    const kind = { t: 'TABLE', s: 'SCHEMA', c: 'CATALOG' } as const;
    return `(${aliases.map((a) => `${this.owns(`${a}.owner`)} OR ${a}.id IN ${this.granted(kind[a], `'MANAGE'`)}`).join(' OR ')})`;
  }

  /**
   * Grant rows on an object: everyone sees their own; owners (of it or a parent) and metastore admins see all of
   * them. A MANAGE holder sees only its own: "Currently, users with the MANAGE privilege on an object cannot view
   * all grants for that object in the INFORMATION_SCHEMA. Instead, the INFORMATION_SCHEMA only shows their own
   * grants on the object" (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/catalog_privileges,
   * and the same note on the schema, table, volume and routine privilege pages). SHOW GRANTS shows them all.
   */
  grantRow(g: string, ownerColumns: readonly string[]): string {
    if (this.scope.admin) return 'TRUE';
    const owners = ownerColumns.map((o) => ` OR ${this.owns(o)}`).join('');
    return `(list_contains(${this.list}, ${g}.grantee_key)${owners})`;
  }
}

export const ts = (column: string): string => `epoch_ms(${column})`;
