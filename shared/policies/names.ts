import { sha256Hex } from '../integration/sha256';
import { boundedStepId } from '../integration/step-id';
import { joinDottedName } from './dotted-name';

/**
 * Function names are derived from what the function is for (its column or table) and its signature, so a re-plan
 * names the same function the same way (stable step ids) and a changed signature gets a new function instead of
 * an impossible `CREATE OR REPLACE` with other parameters (reference §1.5). Readable head, short hash: always a
 * valid Unity Catalog name (lower case, letters, digits and `_`, far below 255 characters).
 */
export function functionName(kind: 'mask' | 'filter' | 'tagmask', parts: readonly string[], signature: string): string {
  const slug = parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 80);
  return `${kind}_${slug}_${sha256Hex(JSON.stringify([kind, parts, signature])).slice(0, 8)}`;
}

export const coreName = (name: string): string => `${name}_core`;

/** What the comment of every object ucbridge creates starts with: how a later plan tells ours from others'. */
export const OWNED_MARKER = 'ucbridge policy';

/** `ucbridge policy <names> #<hash>`: the hash covers the definition, so an equal comment means an equal object. */
export const ownedComment = (policies: readonly string[], definition: string): string =>
  `${OWNED_MARKER} ${policies.join(', ')} #${sha256Hex(definition).slice(0, 16)}`;

export const isOwnedComment = (comment: string | null | undefined): boolean => comment?.startsWith(OWNED_MARKER) === true;

export const stepIds = {
  fn: (name: string) => boundedStepId(`fn:${name}`),
  mask: (parts: readonly string[]) => boundedStepId(`mask:${joinDottedName(parts)}`),
  filter: (parts: readonly string[]) => boundedStepId(`filter:${joinDottedName(parts)}`),
  abac: (on: string, securable: readonly string[], name: string) => boundedStepId(`abac:${on.toLowerCase()}:${joinDottedName(securable)}:${name}`),
  grant: (securable: string, name: readonly string[], principal: string) => boundedStepId(`grant:${securable.toLowerCase()}:${joinDottedName(name)}:${principal.toLowerCase()}`),
} as const;
