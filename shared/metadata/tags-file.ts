import { z } from 'zod';

/**
 * The governance product's tags to publish: `[{"securable": "main.sales.customers.email", "tags": {"pii": "email"}}]`,
 * from a file or from edits in the tree. A securable is a catalog, schema or table name, or a table's name and a
 * column (`catalog.schema.table.column`; a column name may itself contain dots: everything after the table is the
 * column). A key-only tag has the empty value.
 *
 * Limits (https://learn.microsoft.com/azure/databricks/database-objects/tags): keys at most 255 characters and
 * without `. , - = / :`; values at most 1,000 characters; at most 50 tags on one object.
 */
export const TAG_KEY_MAX = 255;
export const TAG_VALUE_MAX = 1000;
export const TAGS_PER_OBJECT = 50;
const FORBIDDEN_IN_KEY = /[.,\-=/:]/u;

export const TagAssignmentSchema = z
  .object({
    securable: z.string().trim().min(1).max(2000),
    tags: z.record(z.string(), z.string()),
  })
  .strict();
export type TagAssignment = z.infer<typeof TagAssignmentSchema>;
export const TagAssignmentsSchema = z.array(TagAssignmentSchema).max(100_000);

export interface TagTarget {
  readonly kind: 'CATALOG' | 'SCHEMA' | 'TABLE' | 'COLUMN';
  /** catalog, schema, table: as many as the kind has. */
  readonly parts: readonly string[];
  readonly column: string | null;
}

export const targetKey = (t: TagTarget): string => JSON.stringify([t.kind, ...t.parts, t.column]);
export const targetName = (t: TagTarget): string => [...t.parts, ...(t.column === null ? [] : [t.column])].join('.');

export function parseTarget(securable: string): TagTarget | string {
  const parts = securable.split('.');
  if (parts.some((p, i) => p === '' && i < 3)) return `"${securable}" has an empty name part.`;
  if (parts.length === 1) return { kind: 'CATALOG', parts, column: null };
  if (parts.length === 2) return { kind: 'SCHEMA', parts, column: null };
  if (parts.length === 3) return { kind: 'TABLE', parts, column: null };
  const column = parts.slice(3).join('.');
  return column === '' ? `"${securable}" has an empty column name.` : { kind: 'COLUMN', parts: parts.slice(0, 3), column };
}

/** Why a key or value cannot be published, or undefined. */
export function tagProblem(key: string, value: string): string | undefined {
  if (key === '') return 'A tag key cannot be empty.';
  if (key.length > TAG_KEY_MAX) return `The tag key "${key.slice(0, 40)}…" is ${key.length} characters long; Unity Catalog allows ${TAG_KEY_MAX}.`;
  if (FORBIDDEN_IN_KEY.test(key)) return `The tag key "${key}" contains one of . , - = / : which Unity Catalog does not allow in keys.`;
  if (value.length > TAG_VALUE_MAX) return `The value of tag "${key}" is ${value.length} characters long; Unity Catalog allows ${TAG_VALUE_MAX}.`;
  return undefined;
}

/** Reads a tags file (JSON) into assignments, or the problems, each naming the entry (1-based) it is in. */
export function parseTagsFile(text: string): { assignments: TagAssignment[] } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [`The tags file is not JSON: ${(e as Error).message}`] };
  }
  const parsed = TagAssignmentsSchema.safeParse(json);
  if (!parsed.success) {
    const where = (path: readonly PropertyKey[]): string => {
      if (path.length === 0) return '';
      const entry = typeof path[0] === 'number' ? String(path[0] + 1) : String(path[0]);
      return `Entry ${entry}${path.length > 1 ? ` (${path.slice(1).map(String).join('.')})` : ''}: `;
    };
    return { problems: parsed.error.issues.slice(0, 20).map((i) => `${where(i.path)}${i.message}`) };
  }
  return { assignments: parsed.data };
}
