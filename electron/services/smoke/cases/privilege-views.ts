import { PRIVILEGE_VIEWS } from '../../../../shared/sql/privilege-reads';
import type { SqlRow } from '../../connection/types';
import type { CaseOutcome, SmokeCase, SmokeContext } from '../smoke-types';

const VIEW_DOC = 'https://docs.databricks.com/aws/en/sql/language-manual/information-schema/table_privileges';
const VIEWS = Object.values(PRIVILEGE_VIEWS).map((v) => v.view);

/** The documented columns of each privilege view, in order (the information_schema pages). */
export const PRIVILEGE_VIEW_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  catalog_privileges: ['grantor', 'grantee', 'catalog_name', 'privilege_type', 'is_grantable', 'inherited_from'],
  schema_privileges: ['grantor', 'grantee', 'catalog_name', 'schema_name', 'privilege_type', 'is_grantable', 'inherited_from'],
  table_privileges: ['grantor', 'grantee', 'table_catalog', 'table_schema', 'table_name', 'privilege_type', 'is_grantable', 'inherited_from'],
  volume_privileges: ['grantor', 'grantee', 'volume_catalog', 'volume_schema', 'volume_name', 'privilege_type', 'is_grantable', 'inherited_from'],
  // The routine_privileges page lists ROUTNE_SCHEMA, a typo of routine_schema.
  routine_privileges: ['grantor', 'grantee', 'specific_catalog', 'specific_schema', 'specific_name', 'routine_catalog', 'routine_schema', 'routine_name', 'privilege_type', 'is_grantable', 'inherited_from'],
};

const noSql = (): CaseOutcome => ({ status: 'skip', observed: {}, reason: 'No running SQL warehouse: pass --warehouse <id> of a running one (the check starts nothing).' });

async function inheritedFrom(ctx: SmokeContext): Promise<CaseOutcome> {
  const sql = ctx.sql;
  if (!sql) return noSql();
  const observed: Record<string, Record<string, number>> = {};
  const odd: string[] = [];
  for (const view of VIEWS) {
    const rows: readonly SqlRow[] = await sql.query(`SELECT inherited_from AS i, count(*) AS n FROM system.information_schema.${view} GROUP BY inherited_from ORDER BY 2 DESC LIMIT 20`);
    const counts: Record<string, number> = {};
    for (const r of rows) {
      const value = r.i === null || r.i === undefined ? 'NULL' : String(r.i);
      // 'NONE' or a securable type; anything else (an ancestor's name?) is what the sandbox would have to learn.
      if (value === 'NULL' || (value !== 'NONE' && !/^[A-Z][A-Z_ ]*$/.test(value))) odd.push(`${view}: ${value.slice(0, 60)}`);
      counts[value] = Number(r.n);
    }
    observed[view] = counts;
  }
  if (odd.length > 0) return { status: 'fail', observed, reason: `Values other than 'NONE' or a securable type (the app still reads NULL as direct): ${odd.slice(0, 5).join('; ')}` };
  return { status: 'pass', observed };
}

async function columns(ctx: SmokeContext): Promise<CaseOutcome> {
  const sql = ctx.sql;
  if (!sql) return noSql();
  const observed: Record<string, string[]> = {};
  const wrong: string[] = [];
  for (const view of VIEWS) {
    const rows: readonly SqlRow[] = await sql.query(`DESCRIBE TABLE system.information_schema.${view}`);
    const names = rows.map((r) => String(r.col_name).toLowerCase()).filter((n) => n !== '' && !n.startsWith('#'));
    observed[view] = names;
    if (JSON.stringify(names) !== JSON.stringify(PRIVILEGE_VIEW_COLUMNS[view])) wrong.push(view);
  }
  return wrong.length ? { status: 'fail', observed, reason: `Columns differ from the documented ones in ${wrong.join(', ')}.` } : { status: 'pass', observed };
}

export const PRIVILEGE_VIEW_CASES: readonly SmokeCase[] = [
  {
    id: 'privilege-views.inherited-from',
    title: 'Privilege views: INHERITED_FROM values',
    expects: "'NONE' on direct grants, the ancestor's securable type on inherited ones, never NULL",
    doc: VIEW_DOC,
    run: inheritedFrom,
  },
  {
    id: 'privilege-views.columns',
    title: 'Privilege views: columns (DESCRIBE)',
    expects: 'catalog/schema/table/volume/routine_privileges describe with their documented columns',
    doc: 'https://docs.databricks.com/aws/en/sql/language-manual/information-schema/volume_privileges',
    run: columns,
  },
];
