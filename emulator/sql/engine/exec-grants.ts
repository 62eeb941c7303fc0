import { describeSecurable } from '../../catalog/authz';
import { ucErrors } from '../../catalog/errors';
import { securableKeyOf } from '../../catalog/ops/grants';
import { sqlPrivilegeName } from '../../catalog/privileges';
import type { Statement } from '../parse/ast';
import { grantLevels } from './exec-describe';
import { securableOf } from './names';
import { valuesSource } from './result-source';
import type { Exec, Execution } from './session';

/**
 * SHOW GRANTS [principal] ON securable (R10): direct grants on the object and those it inherits from its schema
 * and catalog, with `actionType` in SQL spelling. "Metastore admins, users with the MANAGE privilege on the object,
 * the object's owner, or the owner of the catalog or schema that contains the object can view all grants on the
 * object. If you do not have the above permissions, you can only view your own grants on the object"
 * (https://docs.databricks.com/aws/en/data-governance/unity-catalog/manage-privileges/): workspace admins are not
 * in that list.
 */
export function runShowGrants(exec: Exec, st: Extract<Statement, { type: 'show-grants' }>): Execution {
  const ref = securableOf(exec, st.securable);
  const s = exec.subject;
  const principal = st.principal === null ? null : (exec.uc.principalName(st.principal) ?? st.principal);
  const privileged = s.metastoreAdmin || exec.uc.authz.canManage(s, ref);
  if (!privileged && (principal === null || !s.names.has(principal.toLowerCase()))) {
    throw ucErrors.insufficientPermissions(`User does not have MANAGE on ${describeSecurable(ref)} and is not its owner.`);
  }
  const keys = ref.kind === 'METASTORE' ? [securableKeyOf({ uc: exec.uc, subject: s }, ref)] : exec.uc.authz.levels(ref).map((l) => l.key);
  const levels = grantLevels(ref);
  const rows: string[][] = [];
  keys.forEach((key, i) => {
    const level = levels[i]!;
    for (const g of exec.uc.acl.grantsOn(key)) {
      if (principal !== null && g.principal.toLowerCase() !== principal.toLowerCase()) continue;
      for (const p of [...g.privileges.keys()].sort()) rows.push([g.principal, sqlPrivilegeName(p), level.kind, level.key]);
    }
  });
  const str = { base: 'string' } as const;
  return {
    source: valuesSource(['principal', 'actionType', 'objectType', 'objectKey'].map((name) => ({ name, type: str })), rows),
    statementType: 'SHOW',
    modifiedRows: null,
  };
}
