import { z } from 'zod';
import { normalizePrivilege, type GrantSecurable } from './privilege-reads';

/**
 * Parsers for the rows the statements of privilege-reads.ts return, from `unknown` (driver rows) to one shape:
 * privileges in SQL spelling (`USE CATALOG`), principals as Databricks wrote them.
 */

export interface GrantRow {
  readonly grantee: string;
  /** Name parts, outermost first: `['cat']`, `['cat', 'schema']`, `['cat', 'schema', 'table']`. */
  readonly name: readonly string[];
  readonly privilege: string;
}

const Part = z.string().nullable().optional();
const ViewRowSchema = z.object({ grantee: z.string(), name_1: z.string(), name_2: Part, name_3: Part, privilege_type: z.string() });

/** A row of `directGrantsSql(…)`. Throws (zod) on a row of another shape. */
export function parseGrantRow(row: unknown): GrantRow {
  const r = ViewRowSchema.parse(row);
  const name = [r.name_1, r.name_2, r.name_3].filter((p): p is string => typeof p === 'string');
  return { grantee: r.grantee, name, privilege: normalizePrivilege(r.privilege_type) };
}

export interface ShowGrantsRow {
  readonly principal: string;
  readonly privilege: string;
  /** `CATALOG`, `SCHEMA`, `TABLE`, `VIEW`, `VOLUME`, `FUNCTION`, `METASTORE`, upper-case; null when absent. */
  readonly objectType: string | null;
  readonly objectKey: string | null;
}

/**
 * SHOW GRANTS columns are `principal`, `actionType`, `objectType`, `objectKey`
 * (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant); the docs do not pin their
 * capitalisation on the wire, so keys are read case-insensitively.
 */
const ShowGrantsRowSchema = z
  .record(z.string(), z.unknown())
  .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : null])))
  .pipe(z.object({ principal: z.string(), actiontype: z.string(), objecttype: z.string().nullable().optional(), objectkey: z.string().nullable().optional() }));

export function parseShowGrantsRow(row: unknown): ShowGrantsRow {
  const r = ShowGrantsRowSchema.parse(row);
  return { principal: r.principal, privilege: normalizePrivilege(r.actiontype), objectType: r.objecttype?.toUpperCase() ?? null, objectKey: r.objectkey ?? null };
}

/** objectType values that mean "granted on the securable itself" for each kind SHOW GRANTS was run on. */
const OWN_TYPES: Readonly<Record<GrantSecurable, readonly string[]>> = {
  CATALOG: ['CATALOG'],
  SCHEMA: ['SCHEMA', 'DATABASE'],
  TABLE: ['TABLE', 'VIEW', 'MATERIALIZED VIEW'],
  VOLUME: ['VOLUME'],
  FUNCTION: ['FUNCTION'],
};

/**
 * The privileges of `principal` granted directly on the securable `SHOW GRANTS … ON <on> …` was run on: rows whose
 * objectType is an ancestor's (the catalog, the schema) are inherited and left out.
 */
export function directShowGrants(rows: readonly unknown[], on: GrantSecurable, principal: string): string[] {
  const who = principal.toLowerCase();
  const own = OWN_TYPES[on];
  const out = new Set<string>();
  for (const raw of rows) {
    const r = parseShowGrantsRow(raw);
    if (r.principal.toLowerCase() === who && r.objectType !== null && own.includes(r.objectType)) out.add(r.privilege);
  }
  return [...out];
}
