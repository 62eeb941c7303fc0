import { sha256Hex } from '../../../../shared/integration/sha256';
import type { Plan, PlanStep } from '../../../../shared/integration/plan-types';
import { quoteIdent, quoteName } from '../../../../shared/sql/quote';

/**
 * A synthetic set-up plan with the shape of a real one, for the apply benchmark and the sandbox tests: catalogs,
 * then their schemas, then tables, with grants hanging off each level (a DAG four steps deep and very wide).
 * Every statement is idempotent and accepted by the sandbox warehouse. `steps` trims table grants (leaves) from
 * the end so the plan has exactly that many steps.
 */
export interface SyntheticPlanOptions {
  readonly prefix: string;
  readonly catalogs: number;
  readonly schemasPerCatalog: number;
  readonly tablesPerSchema: number;
  /** Grantee of every grant (a group or principal the workspace knows). */
  readonly grantee?: string;
  readonly steps?: number;
}

export function syntheticPlan(o: SyntheticPlanOptions): Plan {
  const grantee = quoteIdent(o.grantee ?? 'account users');
  const steps: PlanStep[] = [];
  const add = (id: string, sql: string, purpose: string, dependsOn: string[], inverse: string | null): void =>
    void steps.push({ id, sql, purpose, dependsOn, inverse, action: 'create', target: 'main' });
  for (let c = 0; c < o.catalogs; c++) {
    const cat = `${o.prefix}_c${c}`;
    add(`catalog:${cat}`, `CREATE CATALOG IF NOT EXISTS ${quoteIdent(cat)}`, `Create catalog ${cat}`, [], `DROP CATALOG IF EXISTS ${quoteIdent(cat)} CASCADE`);
    add(`grant:use-catalog:${cat}`, `GRANT USE CATALOG ON CATALOG ${quoteIdent(cat)} TO ${grantee}`, `Let the grantee use ${cat}`, [`catalog:${cat}`], null);
    for (let s = 0; s < o.schemasPerCatalog; s++) {
      const schema = quoteName(cat, `s${s}`);
      const sid = `${cat}.s${s}`;
      add(`schema:${sid}`, `CREATE SCHEMA IF NOT EXISTS ${schema}`, `Create schema ${sid}`, [`catalog:${cat}`], null);
      add(`grant:use-schema:${sid}`, `GRANT USE SCHEMA ON SCHEMA ${schema} TO ${grantee}`, `Let the grantee use ${sid}`, [`schema:${sid}`, `grant:use-catalog:${cat}`], null);
      for (let t = 0; t < o.tablesPerSchema; t++) {
        const tid = `${sid}.t${t}`;
        const table = quoteName(cat, `s${s}`, `t${t}`);
        add(`table:${tid}`, `CREATE TABLE IF NOT EXISTS ${table} (id BIGINT, name STRING, updated_at TIMESTAMP)`, `Create table ${tid}`, [`schema:${sid}`], null);
        add(`grant:select:${tid}`, `GRANT SELECT ON TABLE ${table} TO ${grantee}`, `Let the grantee read ${tid}`, [`table:${tid}`, `grant:use-schema:${sid}`], null);
      }
    }
  }
  const kept = trimLeaves(steps, o.steps ?? steps.length);
  return { kind: 'setup', steps: kept, hash: sha256Hex(kept.map((s) => `${s.id}\n${s.sql}`).join('\n')) };
}

/** Drops table grants from the end until `n` steps remain; nothing depends on them, so the DAG stays whole. */
function trimLeaves(steps: PlanStep[], n: number): PlanStep[] {
  if (n > steps.length) throw new Error(`the synthetic plan has only ${steps.length} steps; ask for more tables`);
  const out = [...steps];
  for (let i = out.length - 1; out.length > n && i >= 0; i--) if (out[i]!.id.startsWith('grant:select:')) out.splice(i, 1);
  if (out.length !== n) throw new Error(`could not trim the synthetic plan to ${n} steps`);
  return out;
}
