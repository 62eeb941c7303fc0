import { AppFailure } from '../../../../shared/result';
import type { SmokeCase } from '../smoke-types';

/** Columns of system.access.audit the app's audit reads rely on (https://docs.databricks.com/aws/en/admin/system-tables/audit-logs). */
const AUDIT_COLUMNS = ['event_time', 'service_name', 'action_name', 'request_params', 'user_identity'];

export const SYSTEM_TABLE_CASES: readonly SmokeCase[] = [
  {
    id: 'system-tables.describe',
    title: 'System tables: DESCRIBE system.access.audit',
    expects: `describes with ${AUDIT_COLUMNS.join(', ')} (or is refused while the schema is off or not granted)`,
    doc: 'https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-aux-describe-table',
    run: async (ctx) => {
      if (!ctx.sql) return { status: 'skip', observed: {}, reason: 'No running SQL warehouse: pass --warehouse <id> of a running one.' };
      let rows;
      try {
        rows = await ctx.sql.query('DESCRIBE TABLE system.access.audit');
      } catch (e) {
        if (!(e instanceof AppFailure)) throw e;
        const errorClass = /\[([A-Z_.]+)\]/.exec(e.error.message)?.[1] ?? e.error.code;
        return { status: 'skip', observed: { errorClass }, reason: 'system.access.audit is not enabled or not granted to you.' };
      }
      const names = rows.map((r) => String(r.col_name));
      const missing = AUDIT_COLUMNS.filter((c) => !names.includes(c));
      const observed = { columns: names.filter((n) => n !== '' && !n.startsWith('#')).length, missing };
      return missing.length ? { status: 'fail', observed, reason: `Missing columns: ${missing.join(', ')}.` } : { status: 'pass', observed };
    },
  },
];
