import type { Subject } from '../../catalog/subject';
import type { UnityCatalog } from '../../catalog/unity-catalog';

/**
 * The subject whose privileges a view or function body runs with (definer's rights, R6). An owner that no longer
 * resolves to a principal keeps only its own name, so it holds exactly the grants made to that name.
 */
export function ownerSubject(uc: UnityCatalog, owner: string): Subject {
  const principal = uc.identities.byName(owner);
  if (principal) return uc.subject(principal);
  const fallback = { id: `owner:${owner}`, kind: 'user' as const, name: owner, displayName: owner };
  return { principal: fallback, names: new Set([owner.toLowerCase()]), groups: new Set(), metastoreAdmin: false, workspaceAdmin: false };
}
