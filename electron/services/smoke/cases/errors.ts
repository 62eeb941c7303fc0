import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../../shared/result';
import type { SmokeCase } from '../smoke-types';

/**
 * What a refused call looks like, as the app maps it to its own error codes: REST answers
 * `{"error_code", "message"}` with the HTTP status (https://docs.databricks.com/api/workspace/introduction, "Error
 * handling"); SQL errors read `[ERROR_CLASS] message … SQLSTATE: xxxxx`
 * (https://docs.databricks.com/aws/en/error-messages/). A name nobody has is looked up, so nothing exists or changes.
 */
const missing = () => `ucbridge_smoke_${randomBytes(6).toString('hex')}`;

export const ERROR_CASES: readonly SmokeCase[] = [
  {
    id: 'errors.rest-not-found',
    title: 'Refused REST call: error shape',
    expects: 'GET of a missing catalog answers 404 with an error_code, read by the app as NOT_FOUND',
    doc: 'https://docs.databricks.com/api/workspace/catalogs/get',
    run: async (ctx) => {
      const r = await ctx.rest.attempt(`/api/2.1/unity-catalog/catalogs/${missing()}`, 'Reading a catalog that does not exist');
      if (r.ok) return { status: 'fail', observed: {}, reason: 'A catalog that cannot exist was found.' };
      // The app's message carries "answered <status> (<error_code>: …)".
      const m = /answered (\d{3})(?: \(([A-Z_]+))?/.exec(r.message);
      const observed = { appCode: r.code, status: m ? Number(m[1]) : null, errorCode: m?.[2] ?? null };
      return r.code === 'NOT_FOUND' && observed.status === 404 && observed.errorCode !== null
        ? { status: 'pass', observed }
        : { status: 'fail', observed, reason: 'Not a 404 with an error_code.' };
    },
  },
  {
    id: 'errors.sql-not-found',
    title: 'Refused SQL statement: error shape',
    expects: 'a missing catalog fails with [ERROR_CLASS] and SQLSTATE in the message',
    doc: 'https://docs.databricks.com/aws/en/error-messages/sqlstates',
    run: async (ctx) => {
      if (!ctx.sql) return { status: 'skip', observed: {}, reason: 'No running SQL warehouse: pass --warehouse <id> of a running one.' };
      try {
        await ctx.sql.query(`SELECT 1 FROM \`${missing()}\`.\`s\`.\`t\``);
        return { status: 'fail', observed: {}, reason: 'A table that cannot exist was read.' };
      } catch (e) {
        if (!(e instanceof AppFailure)) throw e;
        const errorClass = /\[([A-Z_.]+)\]/.exec(e.error.message)?.[1] ?? null;
        const sqlState = /SQLSTATE: (\w{5})/.exec(e.error.message)?.[1] ?? null;
        const observed = { appCode: e.error.code, errorClass, sqlState };
        return e.error.code === 'SQL_ERROR' && errorClass && sqlState ? { status: 'pass', observed } : { status: 'fail', observed, reason: 'The message lacks the [ERROR_CLASS] or the SQLSTATE.' };
      }
    },
  },
];
