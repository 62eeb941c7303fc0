import { FilterError, parseFilter, type Predicate } from './filter';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export class PatchError extends Error {
  constructor(
    readonly scimType: 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue',
    message: string,
  ) {
    super(message);
  }
}

export type Draft = Record<string, unknown>;

/** Which attributes a resource lets PATCH touch: canonical names, the multi-valued ones marked. */
export interface PatchSchema {
  readonly attributes: readonly string[];
  readonly multiValued: readonly string[];
}

interface Target {
  readonly attr: string;
  readonly filter?: Predicate;
  readonly sub?: string;
}

function parsePath(path: string, schema: PatchSchema): Target {
  // A path may carry its schema URN prefix: `urn:…:User:name.givenName` (RFC 7644 §3.10).
  const bare = path.startsWith('urn:') ? path.slice(path.lastIndexOf(':') + 1) : path;
  const m = /^([A-Za-z$][\w$]*)(?:\[(.*)\])?(?:\.([A-Za-z$][\w$]*))?$/su.exec(bare.trim());
  if (!m) throw new PatchError('invalidPath', `Invalid path ${path}`);
  const attr = schema.attributes.find((a) => a.toLowerCase() === (m[1] as string).toLowerCase());
  if (!attr) throw new PatchError('invalidPath', `Attribute ${m[1]} cannot be modified`);
  let filter: Predicate | undefined;
  if (m[2] !== undefined) {
    try {
      filter = parseFilter(m[2]);
    } catch (error) {
      throw new PatchError('invalidPath', error instanceof FilterError ? error.message : 'Invalid value filter');
    }
  }
  return { attr, ...(filter ? { filter } : {}), ...(m[3] ? { sub: m[3] } : {}) };
}

const asItems = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : [value]).map((v) => (v && typeof v === 'object' ? { ...(v as object) } : { value: v }));

function merge(existing: readonly Record<string, unknown>[], added: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const out = [...existing];
  for (const item of added) if (!out.some((e) => e.value !== undefined && e.value === item.value)) out.push(item);
  return out;
}

function applyOne(draft: Draft, op: string, target: Target, value: unknown, schema: PatchSchema): void {
  const multi = schema.multiValued.includes(target.attr);
  const current = draft[target.attr];
  const items = Array.isArray(current) ? (current as Record<string, unknown>[]) : [];
  if (multi && target.filter) {
    const matches = items.filter((i) => target.filter?.(i));
    if (matches.length === 0 && op !== 'add') throw new PatchError('noTarget', `No ${target.attr} value matches the filter`);
    if (op === 'remove') draft[target.attr] = items.filter((i) => !matches.includes(i));
    else draft[target.attr] = items.map((i) => (matches.includes(i) ? (target.sub ? { ...i, [target.sub]: value } : { ...asItems(value)[0] }) : i));
    return;
  }
  if (multi) {
    if (op === 'add') draft[target.attr] = merge(items, asItems(value));
    else if (op === 'replace') draft[target.attr] = asItems(value);
    else if (value === undefined) draft[target.attr] = [];
    else {
      // Azure AD and Okta send `remove` with the values to drop instead of a filter.
      const drop = new Set(asItems(value).map((i) => i.value));
      draft[target.attr] = items.filter((i) => !drop.has(i.value));
    }
    return;
  }
  if (target.sub) {
    const parent = current && typeof current === 'object' ? { ...(current as object) } : {};
    draft[target.attr] = op === 'remove' ? { ...parent, [target.sub]: undefined } : { ...parent, [target.sub]: value };
    return;
  }
  draft[target.attr] = op === 'remove' ? undefined : value;
}

/**
 * Applies a SCIM PatchOp (RFC 7644 §3.5.2; Databricks form in unity-catalog-scim-rest.md §5.4) to a draft of the
 * resource: `add`/`replace`/`remove`, paths with sub-attributes and value filters (`members[value eq "id"]`), and
 * path-less `add`/`replace` with an object of attributes. Op names are case-insensitive (Azure AD sends `Replace`).
 */
export function applyPatch(draft: Draft, body: unknown, schema: PatchSchema): Draft {
  const operations = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new PatchError('invalidSyntax', 'Operations must be a non-empty array');
  const next: Draft = { ...draft };
  for (const raw of operations) {
    const { op, path, value } = (raw ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === 'string' ? op.toLowerCase() : '';
    if (name !== 'add' && name !== 'replace' && name !== 'remove') throw new PatchError('invalidSyntax', `Unsupported op ${String(op)}`);
    if (typeof path === 'string' && path.trim() !== '') {
      applyOne(next, name, parsePath(path, schema), value, schema);
    } else if (name === 'remove') {
      throw new PatchError('noTarget', 'remove needs a path');
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) applyOne(next, name, parsePath(key, schema), v, schema);
    } else {
      throw new PatchError('invalidValue', `${name} without a path needs an object value`);
    }
  }
  return next;
}
