import { ucErrors } from '../../catalog/errors';
import type { ColumnDef } from '../../catalog/model';
import { createCatalog, createFunction, createSchema, createTable, createVolume } from '../../catalog/ops/create';
import { setColumnMask, setRowFilter } from '../../catalog/ops/policies';
import type { Statement } from '../parse/ast';
import { rewriteTokens } from '../rewrite/walker';
import { formatType, typeFromDuck } from '../types';
import { inferReturnType } from './infer-type';
import { recordLineage } from './lineage';
import { objectParts, policyArgs, schemaParts } from './names';
import { emptySource } from './result-source';
import type { Exec, Execution } from './session';
import { columnsDdl, dropStorage, storageNameOf } from './storage';
import { syncForStatement } from './sync-reads';
import { withConnection } from './with-connection';

const done = (statementType = 'CREATE'): Execution => ({ source: emptySource(), statementType, modifiedRows: null });
const ctx = (exec: Exec) => ({ uc: exec.uc, subject: exec.subject });

export async function runCreate(exec: Exec, st: Exclude<Extract<Statement, { type: `create-${string}` }>, { type: 'create-policy' }>): Promise<Execution> {
  switch (st.type) {
    case 'create-catalog':
      createCatalog(ctx(exec), { name: st.name, comment: st.comment, managedLocation: st.managedLocation, properties: st.properties, ifNotExists: st.ifNotExists });
      return done();
    case 'create-schema': {
      const [catalog, name] = schemaParts(exec, st.name);
      createSchema(ctx(exec), { catalog, name, comment: st.comment, properties: st.properties, ifNotExists: st.ifNotExists });
      return done();
    }
    case 'create-table':
      return createTableStatement(exec, st);
    case 'create-view': {
      const [catalog, schema, name] = objectParts(exec, st.name);
      // Validate the query now (names, privileges), as Databricks does at CREATE VIEW time.
      const probe = rewriteTokens(st.query, { ...exec.scope, catalog, schema });
      const columns = await withConnection(exec.uc, async (c) => {
        const r = await c.run(`SELECT * FROM (${probe}) LIMIT 0`);
        return r.columnNames().map((n, i): ColumnDef => ({
          name: st.columns?.[i]?.name ?? n, typeText: formatType(typeFromDuck(r.columnType(i))), nullable: true, comment: st.columns?.[i]?.comment ?? null,
        }));
      });
      const viewText = st.columns === null ? st.queryText : `SELECT * FROM (${st.queryText}) AS v(${st.columns.map((c) => '`' + c.name.replaceAll('`', '``') + '`').join(', ')})`;
      createTable(ctx(exec), { catalog, schema, name, columns, tableType: 'VIEW', comment: st.comment, viewText, ifNotExists: st.ifNotExists, orReplace: st.orReplace });
      return done();
    }
    case 'create-volume': {
      const [catalog, schema, name] = objectParts(exec, st.name);
      createVolume(ctx(exec), { catalog, schema, name, volumeType: st.external ? 'EXTERNAL' : 'MANAGED', storageLocation: st.location, comment: st.comment, ifNotExists: st.ifNotExists });
      return done();
    }
    case 'create-function': {
      const [catalog, schema, name] = objectParts(exec, st.name);
      const returnType = st.returnColumns !== null ? null : (st.returnType ?? (await inferReturnType(exec, st, catalog, schema)));
      createFunction(ctx(exec), {
        catalog, schema, name, ifNotExists: st.ifNotExists, orReplace: st.orReplace, params: st.params, returnType,
        returnColumns: st.returnColumns?.map((c) => ({ name: c.name, typeText: c.typeText, nullable: c.nullable, comment: c.comment })) ?? null,
        body: st.body, deterministic: st.deterministic, sqlDataAccess: st.readsSqlData ? 'READS_SQL_DATA' : 'CONTAINS_SQL', comment: st.comment,
      });
      return done();
    }
  }
}

async function createTableStatement(exec: Exec, st: Extract<Statement, { type: 'create-table' }>): Promise<Execution> {
  const [catalog, schema, name] = objectParts(exec, st.name);
  if (st.external !== null && !st.external.includes('://')) throw ucErrors.invalidParameter(`Invalid LOCATION '${st.external}'.`);
  const schemaRef = exec.uc.resolve.schema(catalog, schema);
  exec.uc.authz.requireUsage(exec.subject, schemaRef);
  exec.uc.authz.require(exec.subject, schemaRef, 'CREATE_TABLE');
  if (st.ifNotExists && exec.uc.resolve.findTable(catalog, schema, name)) return done();
  const staging = storageNameOf(crypto.randomUUID());
  const query = st.query === null ? null : rewriteTokens(st.query.tokens, exec.scope);
  if (query !== null) await syncForStatement(exec);
  const columns: ColumnDef[] = await withConnection(exec.uc, async (c) => {
    if (query === null) {
      const defs = st.columns!.map((s) => ({ name: s.name, typeText: s.typeText, nullable: s.nullable, comment: s.comment }));
      await c.run(`CREATE TABLE ${staging} (${columnsDdl(defs)})`);
      return defs;
    }
    await c.run(`CREATE TABLE ${staging} AS ${query}`);
    const r = await c.run(`SELECT * FROM ${staging} LIMIT 0`);
    return r.columnNames().map((n, i) => ({
      name: st.columns?.[i]?.name ?? n, typeText: formatType(typeFromDuck(r.columnType(i))), nullable: true, comment: st.columns?.[i]?.comment ?? null,
    }));
  });
  let created;
  try {
    created = createTable(ctx(exec), {
      catalog, schema, name, columns, tableType: st.external ? 'EXTERNAL' : 'MANAGED', ...(st.external ? { location: st.external } : {}), comment: st.comment, properties: st.properties,
      ifNotExists: st.ifNotExists, orReplace: st.orReplace,
    });
  } catch (error) {
    await exec.uc.duck.exec(`DROP TABLE IF EXISTS ${staging}`);
    throw error;
  }
  if (!created) {
    await exec.uc.duck.exec(`DROP TABLE IF EXISTS ${staging}`);
    return done();
  }
  exec.uc.store.putTable({ ...created.table, storage: staging });
  if (created.replaced) await dropStorage(exec.uc, [created.replaced]);
  const ref = exec.uc.resolve.table(catalog, schema, name);
  if (st.rowFilter) setRowFilter(ctx(exec), ref, objectParts(exec, st.rowFilter.fn), policyArgs(st.rowFilter.args));
  for (const spec of st.columns ?? []) {
    if (spec.mask) setColumnMask(ctx(exec), exec.uc.resolve.table(catalog, schema, name), spec.name, objectParts(exec, spec.mask.fn), policyArgs(spec.mask.using));
  }
  if (st.query !== null) recordLineage(exec, ref, st.query.tokens, columns.map((c) => c.name));
  return done();
}
