import { describeSecurable } from '../../catalog/authz';
import { ucErrors } from '../../catalog/errors';
import type { SecurableRef } from '../../catalog/model';
import type { Exec } from './session';

const SEE = ['SELECT', 'MODIFY', 'MANAGE', 'APPLY_TAG', 'READ_VOLUME', 'WRITE_VOLUME', 'EXECUTE'];

/**
 * Metadata commands (DESCRIBE, SHOW COLUMNS) need some privilege on the object, ownership of it or a parent, or
 * BROWSE on its catalog (R12: BROWSE lets users see metadata without USE CATALOG / USE SCHEMA).
 */
export function requireSee(exec: Exec, ref: SecurableRef): void {
  const { authz } = exec.uc;
  const s = exec.subject;
  if (ref.kind === 'METASTORE' || authz.canManage(s, ref)) return;
  if (ref.kind !== 'CATALOG' && authz.has(s, { kind: 'CATALOG', catalog: ref.catalog }, 'BROWSE')) return;
  authz.requireUsage(s, ref);
  if (ref.kind === 'CATALOG' || ref.kind === 'SCHEMA') return;
  if (!SEE.some((p) => authz.has(s, ref, p))) {
    throw ucErrors.insufficientPermissions(`User does not have any privilege on ${describeSecurable(ref)}.`);
  }
}
