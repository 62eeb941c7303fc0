import { ucErrors } from '../../catalog/errors';
import { fromDuckError } from './duck-errors';
import { duckSource, type ResultSource } from './result-source';
import type { Exec } from './session';
import { syncForStatement } from './sync-reads';

/** Streams a DuckDB query the sandbox wrote itself (after the mirror caught up). */
export async function runSql(exec: Exec, sql: string): Promise<ResultSource> {
  await syncForStatement(exec);
  const { cancellation } = exec;
  if (cancellation.cancelled) throw ucErrors.cancelled();
  const connection = await exec.uc.duck.acquire();
  cancellation.running.add(connection);
  const release = (c: typeof connection) => {
    cancellation.running.delete(c);
    exec.uc.duck.release(c);
  };
  try {
    return duckSource(await connection.stream(sql), connection, release);
  } catch (error) {
    release(connection);
    throw cancellation.cancelled ? ucErrors.cancelled() : fromDuckError(error);
  }
}
