import type { GovernanceUser } from './governance-user';
import type { MatchResult } from './match-types';

/** A row of `<integration catalog>.entitlements.user_mapping` (shared/integration/integration-objects.ts). */
export interface MappingRow {
  /** The governance product's id of the user (column `external_id`). */
  readonly externalId: string;
  readonly principal: string;
  readonly principalType: string;
  readonly matchedBy: string;
}

/** A row of `<integration catalog>.entitlements.principal_attributes`. */
export interface AttributeRow {
  readonly principal: string;
  readonly attribute: string;
  readonly value: string;
}

export const attributeKey = (r: Pick<AttributeRow, 'principal' | 'attribute'>): string => JSON.stringify([r.principal, r.attribute]);

/**
 * What the two tables should hold after a match: one mapping row per matched user, and that user's attributes
 * under its principal. Unmatched, ambiguous and inactive users get nothing, so their old rows are deleted. Matching
 * gives each principal at most one user, so attributes never collide.
 */
export function desiredRows(users: readonly GovernanceUser[], result: MatchResult): { mapping: MappingRow[]; attributes: AttributeRow[] } {
  const byId = new Map(users.map((u) => [u.id, u]));
  const mapping: MappingRow[] = [];
  const attributes: AttributeRow[] = [];
  for (const m of result.matched) {
    mapping.push({ externalId: m.id, principal: m.principal, principalType: m.principalType, matchedBy: m.matchedBy });
    const attrs = byId.get(m.id)?.attributes ?? {};
    for (const attribute of Object.keys(attrs).sort()) attributes.push({ principal: m.principal, attribute, value: attrs[attribute]! });
  }
  return { mapping, attributes };
}
