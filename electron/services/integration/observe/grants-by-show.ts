import type { ObservedGrant, SecurableType } from '../../../../shared/integration/observed-state';
import { showGrantsSql } from '../../../../shared/sql/privilege-reads';
import { directShowGrants } from '../../../../shared/sql/privilege-rows';
import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';

/** One securable whose direct grants to the principal are read with SHOW GRANTS. */
export interface ShowTarget {
  readonly on: SecurableType;
  readonly name: readonly string[];
}

/** The reader may not list grants on it (neither owner, MANAGE holder nor admin): Databricks' 42501 denial. */
const refused = (e: unknown): boolean =>
  e instanceof AppFailure && (e.error.code === 'FORBIDDEN' || (e.error.code === 'SQL_ERROR' && /INSUFFICIENT_PERMISSIONS|42501/.test(e.error.message)));

/**
 * Direct grants to `principal` on each target, one `SHOW GRANTS `principal` ON …` per target (the statement lists a
 * MANAGE holder every grant, where the information_schema views show it only its own). Rows inherited from a parent
 * carry the parent's objectType and are left out (shared/sql/privilege-rows.ts). A securable the reader may not list
 * grants on is left unobserved: the set-up's GRANT there fails with Databricks' own reason, and validation has
 * already said who must run it.
 */
export async function grantsByShow(session: SqlSession, principal: string, targets: readonly ShowTarget[], signal?: AbortSignal): Promise<ObservedGrant[]> {
  const out: ObservedGrant[] = [];
  // One statement at a time: the driver's session is not concurrent.
  for (const t of targets) {
    let rows: readonly unknown[];
    try {
      rows = await session.execute(showGrantsSql(principal, t.on, t.name), signal ? { signal } : {});
    } catch (e) {
      if (refused(e)) continue;
      throw e;
    }
    const privileges = directShowGrants(rows, t.on, principal);
    if (privileges.length > 0) out.push({ securable: t.on, name: [...t.name], privileges });
  }
  return out;
}
