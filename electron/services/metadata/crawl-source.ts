import type { CrawlSource } from '../../../shared/metadata/snapshot';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceConnection } from '../connection/types';
import type { CrawlTarget } from './metadata-deps';
import { workspaceHost } from '../../../shared/integration/workspace-host';

/** Failures that mean "no SQL warehouse can be used here", as opposed to a network or sign-in problem. */
const NO_SQL = new Set(['UNAVAILABLE', 'NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST', 'SQL_ERROR']);

/**
 * Which way to crawl. SQL when the integration's warehouse (of this workspace) answers; REST when there is no
 * warehouse or it cannot be used — the fallback the REST API exists for. `sql` and `rest` force a way.
 */
export async function chooseSource(
  wanted: 'auto' | CrawlSource,
  target: CrawlTarget | null,
  connection: WorkspaceConnection,
  signal: AbortSignal,
): Promise<{ source: CrawlSource; httpPath: string }> {
  const sameWorkspace = target !== null && workspaceHost(target.workspaceUrl) === connection.workspace.host.toLowerCase();
  const httpPath = sameWorkspace ? target.httpPath : '';
  if (wanted === 'rest') return { source: 'rest', httpPath };
  if (httpPath === '') {
    if (wanted === 'sql') throw new AppFailure({ code: 'BAD_REQUEST', message: 'No SQL warehouse is set for this workspace.', hint: 'Pick one in Configure integration, or crawl over REST.' });
    return { source: 'rest', httpPath };
  }
  if (wanted === 'sql') return { source: 'sql', httpPath };
  try {
    const session = await connection.sql(httpPath);
    try {
      await session.execute('SELECT 1', { signal });
    } finally {
      await session.close();
    }
    return { source: 'sql', httpPath };
  } catch (e) {
    if (e instanceof AppFailure && NO_SQL.has(e.error.code) && !signal.aborted) return { source: 'rest', httpPath };
    throw e;
  }
}
