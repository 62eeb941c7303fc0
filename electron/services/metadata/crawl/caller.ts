import { z } from 'zod';
import type { WorkspaceConnection } from '../../connection/types';

export interface Caller {
  readonly userName: string;
  /** The user's name and groups, lower-case: whom ownership and grants may name. */
  readonly names: readonly string[];
  readonly metastoreAdmin: boolean;
  /** From the metastore summary; undefined when it could not be read. */
  readonly metastoreId: string | undefined;
}

const SummarySchema = z.object({ owner: z.string().optional(), metastore_id: z.string().optional() }).passthrough();

/**
 * Who is crawling, for the blind-spot warnings: information_schema shows a metastore admin everything and anyone
 * else only what they may use (reference §2). The metastore admin is the metastore's owner, a user or a group
 * (`metastore_summary.owner`, reference §4.1). If the summary cannot be read, the caller is taken as not an admin,
 * so the warning errs on the side of saying the crawl may be partial.
 */
export async function identifyCaller(connection: WorkspaceConnection, signal: AbortSignal): Promise<Caller> {
  const names = [connection.identity.userName, ...connection.identity.groups].map((n) => n.toLowerCase());
  let summary: z.infer<typeof SummarySchema> = {};
  try {
    summary = await connection.rest.request({ method: 'GET', path: '/api/2.1/unity-catalog/metastore_summary', schema: SummarySchema, signal, what: 'Reading the metastore summary' });
  } catch {
    summary = {};
  }
  const owner = summary.owner;
  return { userName: connection.identity.userName, names, metastoreAdmin: owner !== undefined && names.includes(owner.toLowerCase()), metastoreId: summary.metastore_id };
}
