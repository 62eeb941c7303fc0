import type { WorkspaceConnection } from '../../connection/types';
import { metastoreSummary } from '../validation/uc-lookups';

/**
 * Who reads the grants, and so which source shows them all. The information_schema privilege views show a MANAGE
 * holder who is neither an owner nor a metastore admin only its own grants (the note on
 * https://docs.databricks.com/aws/en/sql/language-manual/information-schema/catalog_privileges and the other
 * *_privileges pages); SHOW GRANTS shows a MANAGE holder every grant
 * (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant).
 */
export interface GrantViewer {
  /** The signed-in identity's name and its groups' names, lower-case (owners may be users or groups). */
  readonly names: readonly string[];
  /** Member of (or) the metastore's owner: a metastore admin. */
  readonly metastoreAdmin: boolean;
}

/** Whether the privilege views show this viewer every grant in a catalog with this owner. */
export const viewsShowAll = (viewer: GrantViewer, catalogOwner: string | null): boolean =>
  viewer.metastoreAdmin || (catalogOwner !== null && viewer.names.includes(catalogOwner.toLowerCase()));

/** The signed-in identity as a grant viewer: the metastore admin is whoever the metastore's owner names. */
export async function grantViewerOf(connection: Pick<WorkspaceConnection, 'identity' | 'rest'>, signal?: AbortSignal): Promise<GrantViewer> {
  const names = [connection.identity.userName, ...connection.identity.groups].map((n) => n.toLowerCase());
  const owner = (await metastoreSummary(connection.rest, signal)).owner;
  return { names, metastoreAdmin: owner !== undefined && names.includes(owner.toLowerCase()) };
}
