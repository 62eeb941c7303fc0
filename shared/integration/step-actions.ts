import { assertNever } from '../result';
import type { StepAction } from './plan-types';
import { normalizePrivilege, type TargetObservation } from './observed-state';
import type { StepCheck } from './step-check';

/**
 * Marks steps against one observed workspace. Names compare case-insensitively: Unity Catalog stores securable
 * names lower-case (reference §0.1). `ALL PRIVILEGES` held directly covers every privilege except MANAGE and the
 * EXTERNAL USE ones (reference §0.3), so a grant it covers changes nothing.
 */

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());

const hasCatalog = (o: TargetObservation, c: string) => o.catalogs.find((x) => x.name.toLowerCase() === c.toLowerCase());

const NOT_IN_ALL_PRIVILEGES = new Set(['MANAGE', 'EXTERNAL USE SCHEMA', 'EXTERNAL USE LOCATION']);

/** Of `privileges`, those the observation shows held directly on the securable. */
export function heldPrivileges(o: TargetObservation, check: Extract<StepCheck, { kind: 'grant' }>): string[] {
  const held = new Set(
    o.grants.filter((g) => g.securable === check.securable && same(g.name, check.name)).flatMap((g) => g.privileges.map(normalizePrivilege)),
  );
  return check.privileges.filter((p) => {
    const n = normalizePrivilege(p);
    return held.has(n) || (held.has('ALL PRIVILEGES') && !NOT_IN_ALL_PRIVILEGES.has(n));
  });
}

export function setupAction(check: StepCheck, o: TargetObservation | undefined): StepAction {
  // Not observed (offline, or a workspace that could not be reached): the statement will run.
  if (o === undefined) return 'create';
  switch (check.kind) {
    case 'catalog':
      return hasCatalog(o, check.catalog) ? 'unchanged' : 'create';
    case 'catalog-tag': {
      const value = hasCatalog(o, check.catalog)?.integrationTag ?? null;
      return value === null ? 'create' : value === check.value ? 'unchanged' : 'change';
    }
    case 'schema':
      return o.schemas.some((s) => same(s, check.name)) ? 'unchanged' : 'create';
    case 'table':
      return o.tables.some((t) => same(t, check.name)) ? 'unchanged' : 'create';
    case 'volume':
      return o.volumes.some((v) => same(v, check.name)) ? 'unchanged' : 'create';
    case 'grant': {
      const held = heldPrivileges(o, check).length;
      return held === check.privileges.length ? 'unchanged' : held === 0 ? 'create' : 'change';
    }
    default:
      return assertNever(check);
  }
}

/**
 * An uninstall step removes what its set-up step made: `change` when something is there to remove (or the
 * workspace was not observed), `unchanged` when it is already gone. Removing the catalog is a `drop`: its CASCADE
 * destroys everything in it.
 */
export function uninstallAction(check: StepCheck, o: TargetObservation | undefined): StepAction {
  if (o === undefined) return check.kind === 'catalog' ? 'drop' : 'change';
  switch (check.kind) {
    case 'grant':
      return heldPrivileges(o, check).length > 0 ? 'change' : 'unchanged';
    case 'catalog':
      return hasCatalog(o, check.catalog) ? 'drop' : 'unchanged';
    case 'catalog-tag':
    case 'schema':
    case 'table':
    case 'volume':
      return setupAction(check, o) === 'create' ? 'unchanged' : 'change';
    default:
      return assertNever(check);
  }
}
