import type { Exec } from './session';

/**
 * Before a statement's SQL goes to DuckDB: the metastore mirror always catches up (information_schema), the system
 * tables only when the statement reads one (its rewrite listed every table read, through views, functions, row
 * filters and masks included).
 */
export function syncForStatement(exec: Exec): Promise<void> {
  const systemTables = exec.scope.statement.reads.some((r) => r.catalog.catalogType === 'SYSTEM_CATALOG');
  return exec.uc.sync({ systemTables });
}
