import { AppFailure } from '../../../shared/result';
import type { RestClient, SqlSession } from '../connection/types';
import type { ReadOnlyRest, ReadOnlySql } from './smoke-types';
import { z } from 'zod';

/**
 * The only ways the smoke cases reach the workspace, so that nothing they do can write: REST GETs, and SQL that
 * starts with SELECT, SHOW or DESCRIBE (after comments and whitespace) and is one statement.
 */

export function readOnlyRest(rest: RestClient, signal: AbortSignal): ReadOnlyRest {
  return {
    get: (path, query, schema, what) => rest.request({ method: 'GET', path, query, schema, what, signal }),
    async attempt(path, what) {
      try {
        await rest.request({ method: 'GET', path, schema: z.unknown(), what, signal });
        return { ok: true };
      } catch (e) {
        if (e instanceof AppFailure) return { ok: false, code: e.error.code, message: e.error.message };
        throw e;
      }
    },
  };
}

/** The read-only REST as a client for the app's pager (connection/paged-list.ts): it only ever GETs. */
export const asRestClient = (rest: ReadOnlyRest): RestClient => ({
  request: (req) => rest.get(req.path, req.query ?? {}, req.schema, req.what ?? req.path),
});

const READ = /^\s*(?:SELECT|SHOW|DESCRIBE|DESC)\b/i;

/** Whether a statement is one read the smoke check may send. */
export const isReadStatement = (sql: string): boolean => READ.test(sql) && !/;\s*\S/.test(sql);

export function readOnlySql(session: SqlSession, signal: AbortSignal): ReadOnlySql {
  return {
    query(sql) {
      if (!isReadStatement(sql)) throw new AppFailure({ code: 'INTERNAL', message: 'The smoke check only reads: a statement other than SELECT, SHOW or DESCRIBE was refused before it was sent.' });
      return session.execute(sql, { signal });
    },
  };
}
