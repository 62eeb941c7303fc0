import { quoteLiteral } from '../../../../shared/sql/quote';
import { showGrantsSql } from '../../../../shared/sql/privilege-reads';
import { parseShowGrantsRow } from '../../../../shared/sql/privilege-rows';
import type { CaseOutcome, SmokeCase, SmokeContext } from '../smoke-types';

/**
 * SHOW GRANTS as observation reads it: columns principal, actionType, objectType, objectKey (any capitalisation), and
 * rows inherited from a parent carrying the parent's objectType. On a catalog the reader owns it shows every grant;
 * elsewhere it shows the reader's own.
 */
async function shape(ctx: SmokeContext): Promise<CaseOutcome> {
  if (!ctx.sql) return { status: 'skip', observed: {}, reason: 'No running SQL warehouse: pass --warehouse <id> of a running one.' };
  const names = [ctx.identity.userName, ...ctx.identity.groups].map((n) => n.toLowerCase());
  const catalogs = await ctx.sql.query(`SELECT catalog_name AS c, catalog_owner AS o FROM system.information_schema.catalogs WHERE catalog_name <> ${quoteLiteral('system')} ORDER BY 1 LIMIT 200`);
  const owned = catalogs.find((r) => names.includes(String(r.o).toLowerCase()));
  const tries = owned ? [{ c: String(owned.c), who: null }] : catalogs.slice(0, 10).map((r) => ({ c: String(r.c), who: ctx.identity.userName }));
  for (const t of tries) {
    const rows = await ctx.sql.query(showGrantsSql(t.who, 'CATALOG', [t.c]));
    if (rows.length === 0) continue;
    const parsed = rows.map(parseShowGrantsRow);
    const observed = {
      columns: Object.keys(rows[0]!),
      rows: rows.length,
      objectTypes: [...new Set(parsed.map((r) => r.objectType ?? 'NULL'))],
      allGrants: t.who === null,
    };
    const typed = parsed.every((r) => r.objectType !== null);
    return typed ? { status: 'pass', observed } : { status: 'fail', observed, reason: 'Some rows carry no objectType: direct and inherited grants cannot be told apart.' };
  }
  return { status: 'skip', observed: { catalogsSeen: catalogs.length }, reason: 'No grant to show on any catalog you can see.' };
}

export const SHOW_GRANTS_CASES: readonly SmokeCase[] = [
  {
    id: 'show-grants.shape',
    title: 'SHOW GRANTS: columns and object types',
    expects: 'principal, actionType, objectType, objectKey; every row typed (direct vs inherited)',
    doc: 'https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant',
    run: shape,
  },
];
