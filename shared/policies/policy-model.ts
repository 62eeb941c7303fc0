import { z } from 'zod';
import { securableNameProblem } from '../sql/quote';
import { splitDottedName } from './dotted-name';

/**
 * The policy file (JSON or YAML): grants, column masks and row filters, as the governance product states them.
 * Validated here, at the boundary; policy-file.ts turns zod's issues into messages naming the policy and field.
 */

/** Privileges a grant policy may give, SQL spelling (reference §1.9). MANAGE and ownership are left to admins. */
export const GRANTABLE_PRIVILEGES = [
  'ALL PRIVILEGES', 'USE CATALOG', 'USE SCHEMA', 'BROWSE', 'SELECT', 'MODIFY', 'EXECUTE', 'READ VOLUME', 'WRITE VOLUME',
  'APPLY TAG', 'CREATE SCHEMA', 'CREATE TABLE', 'CREATE FUNCTION', 'CREATE VOLUME', 'CREATE MATERIALIZED VIEW', 'REFRESH',
] as const;
export type GrantablePrivilege = (typeof GRANTABLE_PRIVILEGES)[number];

const normalizedPrivilege = (p: string): string => p.trim().toUpperCase().replaceAll('_', ' ').replace(/\s+/g, ' ');

const noControl = (s: string): boolean => ![...s].some((ch) => ch < ' ' || ch === '\u007f');

/** A policy's own name: it names functions' comments, ABAC policies and plan steps, so it stays printable. */
const PolicyName = z
  .string()
  .min(1, 'is empty')
  .max(100, 'is longer than 100 characters')
  .refine(noControl, 'contains a control character');

/** A principal as Unity Catalog names it: a user's email, a group's name, a service principal's application id. */
const Principal = z.string().trim().min(1, 'is empty').max(255, 'is longer than 255 characters').refine(noControl, 'contains a control character');

const dotted = (count: readonly number[], what: string) =>
  z.string().transform((text, ctx) => {
    const split = splitDottedName(text);
    if ('problem' in split) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a ${what}: ${split.problem}` });
      return z.NEVER;
    }
    if (!count.includes(split.parts.length)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a ${what} (expected ${count.join(' or ')} dot-separated parts)` });
      return z.NEVER;
    }
    // Catalog, schema and table names follow Unity Catalog's rule; a column name may contain more (reference §0.1).
    const securableParts = what === 'column' ? split.parts.slice(0, 3) : split.parts;
    for (const p of securableParts) {
      const problem = securableNameProblem(p);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `"${text}": ${problem}` });
        return z.NEVER;
      }
    }
    if (!split.parts.every(noControl)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" contains a control character` });
      return z.NEVER;
    }
    // Only a column name has a fourth part, and it keeps its letter case.
    return split.parts.map((p, i) => (i === 3 ? p : p.toLowerCase()));
  });

const principals = (what: string) => z.array(Principal).min(1, `needs at least one ${what}`).max(20, 'has more than 20 principals (Unity Catalog allows at most 20 in one policy)');

export const MaskMethodSchema = z.union([
  z.enum(['redact', 'hash', 'nullify']),
  z.object({ keepLast: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000') }).strict(),
]);
export type MaskMethod = z.infer<typeof MaskMethodSchema>;

const Exempt = z.array(Principal).max(20, 'has more than 20 groups (Unity Catalog allows at most 20 principals in EXCEPT)').default([]);

export const GrantPolicySchema = z
  .object({
    name: PolicyName,
    type: z.literal('grant'),
    privileges: z
      .array(z.string().transform(normalizedPrivilege).pipe(z.enum(GRANTABLE_PRIVILEGES, { message: `is not a privilege a policy may grant (one of: ${GRANTABLE_PRIVILEGES.join(', ')})` })))
      .min(1, 'needs at least one privilege'),
    securable: dotted([1, 2, 3], 'catalog, schema, table or volume name'),
    /** Needed only to tell a volume from a table; otherwise taken from the number of parts. */
    securableType: z.enum(['catalog', 'schema', 'table', 'volume']).optional(),
    principals: principals('principal'),
  })
  .strict();

export const ColumnMaskPolicySchema = z
  .object({
    name: PolicyName,
    type: z.literal('columnMask'),
    method: MaskMethodSchema,
    columns: z.array(dotted([4], 'column')).min(1, 'needs at least one column').optional(),
    tag: z.object({ key: z.string().min(1, 'is empty').max(255).refine(noControl, 'contains a control character'), value: z.string().max(1000).refine(noControl, 'contains a control character').optional() }).strict().optional(),
    scope: dotted([1, 2], 'catalog or schema name').optional(),
    exempt: Exempt,
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.columns === undefined) === (p.tag === undefined)) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'give either "columns" or "tag" (with "scope"), not both and not neither' });
    if (p.tag !== undefined && p.scope === undefined) ctx.addIssue({ code: 'custom', path: ['scope'], message: 'is required with "tag": the catalog or schema whose tagged columns are masked' });
    if (p.tag === undefined && p.scope !== undefined) ctx.addIssue({ code: 'custom', path: ['scope'], message: 'only goes with "tag"' });
  });

const GroupValues = z
  .record(Principal, z.array(z.string().max(1000).refine(noControl, 'contains a control character')).min(1, 'needs at least one value, or "*" for all'))
  .refine((r) => Object.keys(r).length > 0, 'needs at least one group')
  .refine((r) => Object.keys(r).length <= 20, 'has more than 20 groups');

export const RowFilterPolicySchema = z
  .object({
    name: PolicyName,
    type: z.literal('rowFilter'),
    table: dotted([3], 'table name'),
    column: z.string().min(1, 'is empty').max(255).refine(noControl, 'contains a control character'),
    match: z.union([
      z.object({ userAttribute: z.string().min(1, 'is empty').max(255).refine(noControl, 'contains a control character') }).strict(),
      z.object({ groupValues: GroupValues }).strict(),
    ]),
    exempt: Exempt,
  })
  .strict();

export const PolicySchema = z.discriminatedUnion('type', [GrantPolicySchema, ColumnMaskPolicySchema, RowFilterPolicySchema]);
export type Policy = z.output<typeof PolicySchema>;
export type GrantPolicy = z.output<typeof GrantPolicySchema>;
export type ColumnMaskPolicy = z.output<typeof ColumnMaskPolicySchema>;
export type RowFilterPolicy = z.output<typeof RowFilterPolicySchema>;

export interface PolicySet {
  readonly policies: readonly Policy[];
  /**
   * Column types by `catalog.schema.table.column` for the offline script export, which cannot read them from the
   * workspace (a mask function must return its column's type). Online plans read the workspace instead.
   */
  readonly columnTypes: Readonly<Record<string, string>>;
}

export const maskMethodLabel = (m: MaskMethod): string => (typeof m === 'string' ? m : `keep last ${m.keepLast}`);
