import type { AclStore } from './acl-store';
import { ucErrors } from './errors';
import { grantKeyOf, type SecurableRef } from './model';
import { allPrivilegesCovers } from './privileges';
import type { Subject } from './subject';

/** One level of a securable's ancestry, the object itself first. */
interface Level {
  readonly key: string;
  readonly owner: string;
}

const LABEL: Readonly<Record<SecurableRef['kind'], string>> = {
  METASTORE: 'Metastore',
  CATALOG: 'Catalog',
  SCHEMA: 'Schema',
  TABLE: 'Table',
  VOLUME: 'Volume',
  FUNCTION: 'Function',
};

export function fullNameOf(ref: SecurableRef): string {
  switch (ref.kind) {
    case 'METASTORE':
      return 'metastore';
    case 'CATALOG':
      return ref.catalog.name;
    case 'SCHEMA':
      return `${ref.catalog.name}.${ref.schema.name}`;
    case 'TABLE':
      return `${ref.catalog.name}.${ref.schema.name}.${ref.table.name}`;
    case 'VOLUME':
      return `${ref.catalog.name}.${ref.schema.name}.${ref.volume.name}`;
    case 'FUNCTION':
      return `${ref.catalog.name}.${ref.schema.name}.${ref.fn.name}`;
  }
}

/** `Table 'main.sales.orders'`, as Unity Catalog names a securable in a denial (R49). */
export const describeSecurable = (ref: SecurableRef): string => `${LABEL[ref.kind]} '${fullNameOf(ref)}'`;

/**
 * Privilege evaluation for privilege model 1.0 (reference §0.2, §1.9, §1.10, R12/R13):
 * - privileges granted on a catalog or schema inherit to everything inside it; metastore grants never inherit;
 * - ALL PRIVILEGES covers everything except MANAGE and the EXTERNAL USE privileges;
 * - an owner holds every privilege on what it owns; owning a parent lets one *manage* children (grant, drop,
 *   transfer, set policies) but not read their data; MANAGE likewise manages without conferring data access;
 * - metastore admins manage everything but, like everyone, need grants to read data.
 */
export class Authz {
  constructor(
    private readonly acl: AclStore,
    private readonly metastore: { readonly id: string; owner(): string },
  ) {}

  levels(ref: SecurableRef): readonly Level[] {
    const out: Level[] = [];
    switch (ref.kind) {
      case 'METASTORE':
        return [{ key: grantKeyOf('METASTORE', this.metastore.id), owner: this.metastore.owner() }];
      case 'TABLE':
        out.push({ key: grantKeyOf('TABLE', ref.table.id), owner: ref.table.owner });
        break;
      case 'VOLUME':
        out.push({ key: grantKeyOf('VOLUME', ref.volume.id), owner: ref.volume.owner });
        break;
      case 'FUNCTION':
        out.push({ key: grantKeyOf('FUNCTION', ref.fn.id), owner: ref.fn.owner });
        break;
      case 'SCHEMA':
      case 'CATALOG':
        break;
    }
    if (ref.kind !== 'CATALOG') out.push({ key: grantKeyOf('SCHEMA', ref.schema.id), owner: ref.schema.owner });
    out.push({ key: grantKeyOf('CATALOG', ref.catalog.id), owner: ref.catalog.owner });
    return out;
  }

  owns(subject: Subject, owner: string): boolean {
    return subject.names.has(owner.toLowerCase());
  }

  /** Direct grant of `privilege` (or an ALL PRIVILEGES that covers it) to the subject or one of its groups. */
  holdsAt(subject: Subject, securableKey: string, privilege: string): boolean {
    for (const name of subject.names) {
      const held = this.acl.privilegesOf(securableKey, name);
      if (!held) continue;
      if (held.has(privilege) || (held.has('ALL_PRIVILEGES') && allPrivilegesCovers(privilege))) return true;
    }
    return false;
  }

  /** Where the subject's `privilege` on `ref` comes from: the object itself or an ancestor; undefined if absent. */
  sourceOf(subject: Subject, ref: SecurableRef, privilege: string): string | undefined {
    const levels = this.levels(ref);
    if (this.owns(subject, levels[0]!.owner)) return levels[0]!.key;
    return levels.find((level) => this.holdsAt(subject, level.key, privilege))?.key;
  }

  has(subject: Subject, ref: SecurableRef, privilege: string): boolean {
    if (ref.kind === 'METASTORE' && privilege === 'CREATE_CATALOG' && (subject.metastoreAdmin || subject.workspaceAdmin)) {
      // Workspaces enabled for Unity Catalog automatically give workspace admins CREATE CATALOG (R12).
      return true;
    }
    if (ref.kind === 'METASTORE') return subject.metastoreAdmin || this.holdsAt(subject, this.levels(ref)[0]!.key, privilege);
    return this.sourceOf(subject, ref, privilege) !== undefined;
  }

  /** Owner of the object or of any parent, MANAGE on it (inherited too), or metastore admin. */
  canManage(subject: Subject, ref: SecurableRef): boolean {
    if (subject.metastoreAdmin) return true;
    if (this.levels(ref).some((level) => this.owns(subject, level.owner))) return true;
    return ref.kind !== 'METASTORE' && this.has(subject, ref, 'MANAGE');
  }

  isOwner(subject: Subject, ref: SecurableRef): boolean {
    return this.owns(subject, this.levels(ref)[0]!.owner);
  }

  require(subject: Subject, ref: SecurableRef, privilege: string): void {
    if (!this.has(subject, ref, privilege)) {
      throw ucErrors.insufficientPermissions(`User does not have ${privilege.replaceAll('_', ' ')} on ${describeSecurable(ref)}.`);
    }
  }

  requireManage(subject: Subject, ref: SecurableRef): void {
    if (!this.canManage(subject, ref)) {
      throw ucErrors.insufficientPermissions(`User is not an owner of ${describeSecurable(ref)} and does not have MANAGE on it.`);
    }
  }

  /** USE CATALOG on the catalog and, below it, USE SCHEMA on the schema: the gates before any object privilege. */
  requireUsage(subject: Subject, ref: SecurableRef): void {
    if (ref.kind === 'METASTORE') return;
    const catalogRef: SecurableRef = { kind: 'CATALOG', catalog: ref.catalog };
    if (!this.has(subject, catalogRef, 'USE_CATALOG') && !this.owns(subject, ref.catalog.owner)) {
      this.require(subject, catalogRef, 'USE_CATALOG');
    }
    if (ref.kind === 'CATALOG') return;
    const schemaRef: SecurableRef = { kind: 'SCHEMA', catalog: ref.catalog, schema: ref.schema };
    if (!this.has(subject, schemaRef, 'USE_SCHEMA') && !this.owns(subject, ref.schema.owner)) {
      this.require(subject, schemaRef, 'USE_SCHEMA');
    }
  }
}
