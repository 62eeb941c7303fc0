import type { Identities, PatRecord } from '../../identity';

/** Databricks TokenInfo (unity-catalog-scim-rest.md §5.6): ids and times as JSON numbers, expiry -1 for never. */
export function tokenInfo(identities: Identities, r: PatRecord): Record<string, unknown> {
  return {
    token_id: r.tokenId,
    comment: r.comment,
    creation_time: r.creationTime,
    expiry_time: r.expiryTime,
    created_by_id: Number(r.createdById),
    created_by_username: r.createdByUsername,
    owner_id: Number(r.ownerId),
    workspace_id: Number(identities.workspaceId),
  };
}

/** The short form the self-service `/api/2.0/token/list` returns. */
export function publicTokenInfo(r: PatRecord): Record<string, unknown> {
  return { token_id: r.tokenId, creation_time: r.creationTime, expiry_time: r.expiryTime, comment: r.comment };
}

/** `lifetime_seconds`: absent or ≤ 0 means no expiry; anything but a number is refused. */
export function parseLifetime(value: unknown): number | undefined | 'bad' {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : 'bad';
}
