import { describeSecurable } from '../authz';
import { ucErrors } from '../errors';
import type { CatalogEntity, SchemaEntity, SecurableRef, TableEntity } from '../model';
import { principalNamed, type OpContext } from '../ops/context';
import type { FunctionRef } from '../resolve';
import { ABAC_QUOTAS, type AbacOn, type AbacPolicy } from './abac-model';

/**
 * CREATE / DROP POLICY on a catalog, schema or table: MANAGE on it (or ownership) and EXECUTE on the function
 * (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy); the name is unique
 * per securable (POLICY_ALREADY_EXISTS without OR REPLACE); the quotas are checked
 * (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements).
 */
export type PolicyTarget = Extract<SecurableRef, { kind: AbacOn }>;

export const targetId = (t: PolicyTarget): string => (t.kind === 'CATALOG' ? t.catalog.id : t.kind === 'SCHEMA' ? t.schema.id : t.table.id);

export function requireAbac(ctx: OpContext): void {
  // Older compute cannot run ABAC; the docs do not give the error it raises, so the sandbox says so plainly.
  if (!ctx.uc.abacEnabled) throw ucErrors.unsupported('ABAC policies on this compute (they need Databricks SQL, serverless, or Databricks Runtime 16.4 and above)');
}

export type NewPolicy = Omit<AbacPolicy, 'onId' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

export function createPolicy(ctx: OpContext, target: PolicyTarget, fn: FunctionRef, p: NewPolicy, orReplace: boolean): void {
  requireAbac(ctx);
  ctx.uc.authz.requireManage(ctx.subject, target);
  ctx.uc.authz.requireUsage(ctx.subject, fn);
  ctx.uc.authz.require(ctx.subject, fn, 'EXECUTE');
  if (fn.fn.returnType === null) throw ucErrors.routineNotFound([fn.catalog.name, fn.schema.name, fn.fn.name]);
  for (const [clause, list] of [['TO', p.to], ['EXCEPT', p.except]] as const) {
    if (list.length > ABAC_QUOTAS.principalsPerClause) throw ucErrors.invalidParameter(`A policy's ${clause} clause may name at most ${ABAC_QUOTAS.principalsPerClause} principals.`);
  }
  if (p.match.length > ABAC_QUOTAS.matchConditions) throw ucErrors.invalidParameter(`A MATCH COLUMNS clause may have at most ${ABAC_QUOTAS.matchConditions} conditions.`);
  const aliases = new Set(p.match.map((m) => m.alias?.toLowerCase()).filter((a) => a !== undefined));
  // USING COLUMNS (and ON COLUMN) may only reference columns matched via MATCH COLUMNS (reference §1.13, R18).
  for (const a of [...(p.onColumn === null ? [] : [p.onColumn]), ...p.using.flatMap((u) => (u.kind === 'alias' ? [u.alias] : []))]) {
    if (!aliases.has(a.toLowerCase())) throw ucErrors.unresolvedColumn(a);
  }
  const id = targetId(target);
  const existing = ctx.uc.abac.find(target.kind, id, p.name);
  if (existing && !orReplace) throw ucErrors.policyExists(p.name, describeSecurable(target));
  const limit = target.kind === 'TABLE' ? ABAC_QUOTAS.perTable : ABAC_QUOTAS.perCatalogOrSchema;
  if (!existing && ctx.uc.abac.on(target.kind, id).length >= limit) throw ucErrors.invalidState(`${describeSecurable(target)} already has ${limit} policies, the most Unity Catalog allows.`);
  const to = p.to.map((x) => principalNamed(ctx, x));
  const except = p.except.map((x) => principalNamed(ctx, x));
  const now = Date.now();
  const who = ctx.subject.principal.name;
  ctx.uc.abac.put({
    ...p,
    to,
    except,
    onId: id,
    createdAt: existing?.createdAt ?? now,
    createdBy: existing?.createdBy ?? who,
    updatedAt: now,
    updatedBy: who,
  });
}

export function dropPolicy(ctx: OpContext, target: PolicyTarget, name: string): void {
  requireAbac(ctx);
  ctx.uc.authz.requireManage(ctx.subject, target);
  if (!ctx.uc.abac.delete(target.kind, targetId(target), name)) throw ucErrors.policyNotFound(name, describeSecurable(target));
}

/** Policies defined on the target and, when `effective`, on its schema and catalog (SHOW EFFECTIVE POLICIES). */
export function policiesOn(ctx: OpContext, target: PolicyTarget, effective: boolean): { policy: AbacPolicy; catalog: CatalogEntity; schema: SchemaEntity | null; table: TableEntity | null }[] {
  requireAbac(ctx);
  ctx.uc.authz.requireManage(ctx.subject, target);
  const levels: { on: AbacOn; id: string; schema: SchemaEntity | null; table: TableEntity | null }[] = [];
  if (target.kind === 'TABLE') levels.push({ on: 'TABLE', id: target.table.id, schema: target.schema, table: target.table });
  if (target.kind === 'SCHEMA' || (effective && target.kind === 'TABLE')) levels.push({ on: 'SCHEMA', id: target.schema.id, schema: target.schema, table: null });
  if (target.kind === 'CATALOG' || effective) levels.push({ on: 'CATALOG', id: target.catalog.id, schema: null, table: null });
  return levels.flatMap((l) => ctx.uc.abac.on(l.on, l.id).map((policy) => ({ policy, catalog: target.catalog, schema: l.schema, table: l.table })));
}
