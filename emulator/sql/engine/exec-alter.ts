import { ucErrors } from '../../catalog/errors';
import type { SecurableRef } from '../../catalog/model';
import { touched } from '../../catalog/ops/context';
import { dropCatalog, dropFunction, dropSchema, dropTable, dropVolume } from '../../catalog/ops/drop';
import { revokeAllList, updateGrants } from '../../catalog/ops/grants';
import { updateSecurable } from '../../catalog/ops/alter';
import { dropColumnMask, dropRowFilter, setColumnMask, setRowFilter } from '../../catalog/ops/policies';
import { setTags, unsetTags } from '../../catalog/ops/tags';
import type { Statement } from '../parse/ast';
import { objectParts, policyArgs, schemaParts, securableOf } from './names';
import { emptySource } from './result-source';
import type { Exec, Execution } from './session';
import { columnsDdl, dropStorage } from './storage';
import { withConnection } from './with-connection';

const done = (statementType: string): Execution => ({ source: emptySource(), statementType, modifiedRows: null });
const ctx = (exec: Exec) => ({ uc: exec.uc, subject: exec.subject });

export async function runDrop(exec: Exec, st: Extract<Statement, { type: 'drop' }>): Promise<Execution> {
  const c = ctx(exec);
  switch (st.kind) {
    case 'CATALOG':
      await dropStorage(exec.uc, dropCatalog(c, st.name[0]!, st));
      break;
    case 'SCHEMA':
      await dropStorage(exec.uc, dropSchema(c, ...schemaParts(exec, st.name), st));
      break;
    case 'TABLE':
    case 'VIEW':
      await dropStorage(exec.uc, dropTable(c, objectParts(exec, st.name), { ifExists: st.ifExists, view: st.kind === 'VIEW' }));
      break;
    case 'VOLUME':
      dropVolume(c, objectParts(exec, st.name), st);
      break;
    case 'FUNCTION':
      dropFunction(c, objectParts(exec, st.name), st);
      break;
  }
  return done('DROP');
}

export function runGrant(exec: Exec, st: Extract<Statement, { type: 'grant' | 'revoke' }>): Execution {
  const ref = securableOf(exec, st.securable);
  let privileges = st.privileges === 'ALL' ? ['ALL_PRIVILEGES'] : st.privileges;
  if (st.type === 'revoke' && st.privileges === 'ALL') privileges = revokeAllList(ctx(exec), ref, st.principal);
  updateGrants(ctx(exec), ref, [st.type === 'grant' ? { principal: st.principal, add: privileges } : { principal: st.principal, remove: privileges }]);
  return done(st.type.toUpperCase());
}

type Alter = Extract<Statement, { type: 'set-owner' | 'set-comment' | 'rename' | 'set-row-filter' | 'drop-row-filter' | 'set-mask' | 'drop-mask' | 'set-tags' | 'unset-tags' | 'add-columns' | 'alter-column-comment' }>;

export async function runAlter(exec: Exec, st: Alter): Promise<Execution> {
  const c = ctx(exec);
  const table = (name: readonly string[]) => exec.uc.resolve.table(...objectParts(exec, name));
  switch (st.type) {
    case 'set-owner':
      updateSecurable(c, securableOf(exec, st.securable), { owner: st.principal });
      break;
    case 'set-comment':
      updateSecurable(c, securableOf(exec, st.securable), { comment: st.comment });
      break;
    case 'rename': {
      const ref = securableOf(exec, st.securable);
      const newName = st.newName.at(-1)!;
      updateSecurable(c, ref, { newName });
      break;
    }
    case 'set-row-filter':
      setRowFilter(c, table(st.table), objectParts(exec, st.fn), policyArgs(st.args));
      break;
    case 'drop-row-filter':
      dropRowFilter(c, table(st.table));
      break;
    case 'set-mask':
      setColumnMask(c, table(st.table), st.column, objectParts(exec, st.fn), policyArgs(st.using));
      break;
    case 'drop-mask':
      dropColumnMask(c, table(st.table), st.column);
      break;
    case 'set-tags':
    case 'unset-tags': {
      const ref: SecurableRef = securableOf(exec, st.securable);
      if (st.type === 'set-tags') setTags(c, ref, st.column ?? undefined, st.tags, st.strict);
      else unsetTags(c, ref, st.column ?? undefined, st.tags.map(([k]) => k), st.strict);
      break;
    }
    case 'add-columns':
      await addColumns(exec, st);
      break;
    case 'alter-column-comment': {
      const ref = table(st.table);
      exec.uc.authz.requireManage(exec.subject, ref);
      if (!ref.table.columns.some((col) => col.name.toLowerCase() === st.column.toLowerCase())) throw ucErrors.unresolvedColumn(st.column);
      const columns = ref.table.columns.map((col) => (col.name.toLowerCase() === st.column.toLowerCase() ? { ...col, comment: st.comment } : col));
      exec.uc.store.putTable(touched(c, ref.table, { columns }));
      break;
    }
  }
  return done('ALTER');
}

async function addColumns(exec: Exec, st: Extract<Statement, { type: 'add-columns' }>): Promise<void> {
  const ref = exec.uc.resolve.table(...objectParts(exec, st.table));
  exec.uc.authz.requireManage(exec.subject, ref);
  const existing = new Set(ref.table.columns.map((col) => col.name.toLowerCase()));
  const added = st.columns.map((s) => ({ name: s.name, typeText: s.typeText, nullable: true, comment: s.comment }));
  for (const col of added) if (existing.has(col.name.toLowerCase())) throw ucErrors.invalidParameter(`Column ${col.name} already exists.`);
  if (ref.table.storage !== null) {
    const storage = ref.table.storage;
    await withConnection(exec.uc, async (c) => {
      for (const col of added) await c.run(`ALTER TABLE ${storage} ADD COLUMN ${columnsDdl([col])}`);
    });
  }
  exec.uc.store.putTable(touched(ctx(exec), ref.table, { columns: [...ref.table.columns, ...added] }));
}
