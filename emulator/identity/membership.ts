import type { GroupRecord } from './model';

/**
 * Transitive group membership over a set of groups. Nested groups are how Databricks models team hierarchies
 * (a group may be a member of another group); privileges granted to an outer group reach inner members.
 * The walk is cycle-safe so a restored snapshot with a cycle cannot hang the sandbox.
 */
export class MembershipIndex {
  private readonly parents = new Map<string, string[]>();
  private readonly cache = new Map<string, ReadonlySet<string>>();

  constructor(groups: Iterable<GroupRecord>) {
    for (const group of groups) {
      for (const memberId of group.memberIds) {
        const list = this.parents.get(memberId) ?? [];
        list.push(group.id);
        this.parents.set(memberId, list);
      }
    }
  }

  directGroupIds(principalId: string): readonly string[] {
    return this.parents.get(principalId) ?? [];
  }

  /** Ids of every group that contains the principal directly or through nesting (never the principal itself). */
  allGroupIds(principalId: string): ReadonlySet<string> {
    const cached = this.cache.get(principalId);
    if (cached) return cached;
    const seen = new Set<string>();
    const queue = [...this.directGroupIds(principalId)];
    while (queue.length > 0) {
      const next = queue.pop() as string;
      if (seen.has(next) || next === principalId) continue;
      seen.add(next);
      queue.push(...this.directGroupIds(next));
    }
    this.cache.set(principalId, seen);
    return seen;
  }

  /** True if making `memberId` a member of `groupId` would close a loop. */
  wouldCycle(groupId: string, memberId: string): boolean {
    return memberId === groupId || this.allGroupIds(groupId).has(memberId);
  }
}
