import { securableNameProblem } from '../../../shared/sql/quote';
import { ucErrors } from '../errors';
import type { Stamp } from '../model';
import type { Subject } from '../subject';
import type { UnityCatalog } from '../unity-catalog';

/** Who performs an operation on which metastore. */
export interface OpContext {
  readonly uc: UnityCatalog;
  readonly subject: Subject;
}

export const stampNow = (ctx: OpContext): Stamp => {
  const now = Date.now();
  return { createdAt: now, createdBy: ctx.subject.principal.name, updatedAt: now, updatedBy: ctx.subject.principal.name };
};

export const touched = <T extends Stamp>(ctx: OpContext, entity: T, patch: Partial<T>): T => ({
  ...entity,
  ...patch,
  updatedAt: Date.now(),
  updatedBy: ctx.subject.principal.name,
});

/** Lower-cases a securable name and refuses what Unity Catalog refuses (R20, shared/sql/quote.ts). */
export function securableName(name: string): string {
  const problem = securableNameProblem(name);
  if (problem !== undefined) throw ucErrors.invalidName(`Invalid name '${name}': ${problem}`);
  return name.toLowerCase();
}

/** The canonical name of an existing principal, or PRINCIPAL_DOES_NOT_EXIST. */
export function principalNamed(ctx: OpContext, name: string): string {
  const found = ctx.uc.principalName(name);
  if (found === undefined) throw ucErrors.principalNotFound(name);
  return found;
}
