import { assertNever } from '../result';
import { normalizePrivilege } from '../integration/observed-state';
import type { StepAction } from '../integration/plan-types';
import { joinDottedName } from './dotted-name';
import { isOwnedComment } from './names';
import { tableKey, type PolicyObservation } from './observation';
import type { PolicyDraft } from './compile-steps';
import type { GrantTarget } from './targets';

/**
 * Marks a draft against the workspace: create, change or unchanged — or a problem when the object is there and
 * is not ucbridge's (another mask on the column, a policy of the same name someone else made): ucbridge never
 * replaces what it did not create.
 */
const sameParts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());

const NOT_IN_ALL_PRIVILEGES = new Set(['MANAGE', 'EXTERNAL USE SCHEMA', 'EXTERNAL USE LOCATION']);

/** Of the target's privileges, those its principal does not hold directly (ALL PRIVILEGES covers all but MANAGE, reference §0.3). */
export function missingPrivileges(obs: PolicyObservation | null, g: GrantTarget): string[] {
  if (obs === null) return [...g.privileges];
  const held = new Set(
    obs.grants
      .filter((x) => x.securable === g.securable && sameParts(x.name, g.name) && x.principal.toLowerCase() === g.principal.toLowerCase())
      .flatMap((x) => x.privileges.map(normalizePrivilege)),
  );
  return g.privileges.filter((p) => !held.has(p) && !(held.has('ALL PRIVILEGES') && !NOT_IN_ALL_PRIVILEGES.has(p)));
}

export function markDraft(d: PolicyDraft, obs: PolicyObservation | null, catalog: string): { action: StepAction } | { problem: string } {
  if (obs === null) return { action: 'create' };
  const e = d.expect;
  const ours = (fn: readonly string[]) => fn[0]!.toLowerCase() === catalog.toLowerCase() && fn[1]!.toLowerCase() === 'policies';
  switch (e.kind) {
    case 'function': {
      if (!obs.functions.has(e.name.toLowerCase())) return { action: 'create' };
      return { action: obs.functions.get(e.name.toLowerCase()) === e.comment ? 'unchanged' : 'change' };
    }
    case 'mask': {
      const m = obs.masks.find((x) => tableKey(x.table) === tableKey(e.table) && x.column.toLowerCase() === e.column.toLowerCase());
      if (!m) return { action: 'create' };
      if (sameParts(m.fn, e.fn)) return { action: 'unchanged' };
      if (ours(m.fn)) return { action: 'change' };
      return { problem: `${joinDottedName([...e.table, e.column])} already has a mask (${joinDottedName(m.fn)}) that ucbridge did not create; remove it first, or leave this column out` };
    }
    case 'filter': {
      const f = obs.filters.find((x) => tableKey(x.table) === tableKey(e.table));
      if (!f) return { action: 'create' };
      if (sameParts(f.fn, e.fn)) return { action: 'unchanged' };
      if (ours(f.fn)) return { action: 'change' };
      return { problem: `${joinDottedName(e.table)} already has a row filter (${joinDottedName(f.fn)}) that ucbridge did not create; remove it first, or leave this table out` };
    }
    case 'abac': {
      const p = obs.abacPolicies.find((x) => x.on === e.on && sameParts(x.securable, e.securable) && x.name.toLowerCase() === e.name.toLowerCase());
      if (!p) return { action: 'create' };
      if (p.comment === e.comment) return { action: 'unchanged' };
      if (isOwnedComment(p.comment)) return { action: 'change' };
      return { problem: `${e.on.toLowerCase()} ${joinDottedName(e.securable)} already has a policy named "${e.name}" that ucbridge did not create; rename the policy` };
    }
    case 'grant': {
      const missing = missingPrivileges(obs, e.target).length;
      return { action: missing === 0 ? 'unchanged' : missing === e.target.privileges.length ? 'create' : 'change' };
    }
    default:
      return assertNever(e);
  }
}
