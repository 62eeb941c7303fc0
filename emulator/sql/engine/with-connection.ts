import type { DuckDBConnection } from '@duckdb/node-api';
import type { UnityCatalog } from '../../catalog/unity-catalog';
import { ucErrors } from '../../catalog/errors';
import { fromDuckError } from './duck-errors';
import type { Cancellation } from './session';

/** Runs `work` on a pooled connection, mapping DuckDB errors to Databricks error classes. */
export async function withConnection<T>(uc: UnityCatalog, work: (c: DuckDBConnection) => Promise<T>, cancellation?: Cancellation): Promise<T> {
  if (cancellation?.cancelled) throw ucErrors.cancelled();
  const connection = await uc.duck.acquire();
  cancellation?.running.add(connection);
  try {
    return await work(connection);
  } catch (error) {
    throw cancellation?.cancelled ? ucErrors.cancelled() : fromDuckError(error);
  } finally {
    cancellation?.running.delete(connection);
    uc.duck.release(connection);
  }
}
