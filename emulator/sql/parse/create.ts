import { ucErrors } from '../../catalog/errors';
import type { ArgSpec, ColumnSpec, Name, ParamSpec, Statement } from './ast';
import { parseArgs, parseColumnSpecs, parseFunctionName, parseProperties, parseType } from './common';
import type { Cursor } from './cursor';
import { parseCreatePolicy } from './policy';

/** CREATE CATALOG | SCHEMA | TABLE | VIEW | VOLUME | FUNCTION (reference §1.1–§1.5). `CREATE` is consumed. */
export function parseCreate(c: Cursor): Statement {
  const orReplace = c.acceptWord('OR', 'REPLACE');
  if (c.acceptWord('CATALOG')) return parseCreateCatalog(c);
  if (c.acceptWord('SCHEMA') || c.acceptWord('DATABASE')) return parseCreateSchema(c);
  if (c.acceptWord('EXTERNAL', 'VOLUME')) return parseCreateVolume(c, true);
  if (c.acceptWord('VOLUME')) return parseCreateVolume(c, false);
  if (c.acceptWord('VIEW')) return parseCreateView(c, orReplace);
  if (c.acceptWord('FUNCTION')) return parseCreateFunction(c, orReplace);
  if (c.acceptWord('POLICY')) return parseCreatePolicy(c, orReplace);
  if (c.isWord('TEMPORARY') || c.isWord('TEMP')) throw ucErrors.unsupported('temporary objects');
  c.acceptWord('EXTERNAL');
  if (c.acceptWord('TABLE')) return parseCreateTable(c, orReplace);
  return c.fail();
}

const ifNotExists = (c: Cursor): boolean => c.acceptWord('IF', 'NOT', 'EXISTS');

function parseCreateCatalog(c: Cursor): Statement {
  const ine = ifNotExists(c);
  const name = c.identifier();
  let comment: string | null = null;
  let managedLocation: string | null = null;
  let properties: Record<string, string> = {};
  // Clauses in any order (reference §1.1).
  while (!c.atEnd()) {
    if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('MANAGED', 'LOCATION')) managedLocation = c.string();
    else if (c.acceptWord('OPTIONS')) properties = { ...properties, ...parseProperties(c) };
    else if (c.acceptWord('DEFAULT', 'COLLATION')) c.identifier();
    else if (c.isWord('USING')) throw ucErrors.unsupported('shared and foreign catalogs');
    else c.fail();
  }
  return { type: 'create-catalog', name, ifNotExists: ine, comment, managedLocation, properties };
}

function parseCreateSchema(c: Cursor): Statement {
  const ine = ifNotExists(c);
  const name = c.qualifiedName(2);
  let comment: string | null = null;
  let properties: Record<string, string> = {};
  while (!c.atEnd()) {
    if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('MANAGED', 'LOCATION') || c.acceptWord('LOCATION')) c.string();
    else if (c.acceptWord('WITH', 'DBPROPERTIES')) properties = parseProperties(c);
    else if (c.acceptWord('DEFAULT', 'COLLATION')) c.identifier();
    else c.fail();
  }
  return { type: 'create-schema', name, ifNotExists: ine, comment, properties };
}

function parseCreateTable(c: Cursor, orReplace: boolean): Statement {
  const ine = ifNotExists(c);
  const name = c.qualifiedName();
  const columns: ColumnSpec[] | null = c.isOp('(') ? parseColumnSpecs(c) : null;
  let comment: string | null = null;
  let properties: Record<string, string> = {};
  let rowFilter: { fn: Name; args: ArgSpec[] } | null = null;
  let external: string | null = null;
  let query: { tokens: ReturnType<Cursor['rest']> } | null = null;
  while (!c.atEnd()) {
    if (c.acceptWord('USING')) c.identifier();
    else if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('TBLPROPERTIES')) properties = parseProperties(c);
    else if (c.acceptWord('OPTIONS')) parseProperties(c);
    else if (c.acceptWord('LOCATION')) external = c.string();
    else if (c.acceptWord('PARTITIONED', 'BY') || c.acceptWord('CLUSTER', 'BY')) {
      if (c.acceptWord('AUTO') || c.acceptWord('NONE')) continue;
      c.pos = c.closing(c.pos) + 1;
    } else if (c.acceptWord('WITH', 'ROW', 'FILTER')) {
      const fn = parseFunctionName(c);
      c.expectWord('ON');
      rowFilter = { fn, args: parseArgs(c) };
    } else if (c.acceptWord('AS')) {
      query = { tokens: c.rest() };
    } else c.fail();
  }
  if (columns === null && query === null) c.fail();
  return { type: 'create-table', name, orReplace, ifNotExists: ine, columns, comment, properties, rowFilter, external, query };
}

function parseCreateView(c: Cursor, orReplace: boolean): Statement {
  const ine = ifNotExists(c);
  const name = c.qualifiedName();
  let columns: { name: string; comment: string | null }[] | null = null;
  if (c.acceptOp('(')) {
    columns = [];
    while (!c.isOp(')')) {
      const column = c.identifier();
      columns.push({ name: column, comment: c.acceptWord('COMMENT') ? c.string() : null });
      if (!c.acceptOp(',')) break;
    }
    c.expectOp(')');
  }
  let comment: string | null = null;
  while (!c.isWord('AS')) {
    if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('TBLPROPERTIES')) parseProperties(c);
    else c.fail();
  }
  c.expectWord('AS');
  const from = c.pos;
  const query = c.rest();
  return { type: 'create-view', name, orReplace, ifNotExists: ine, columns, comment, query, queryText: c.text(from, c.pos) };
}

function parseCreateVolume(c: Cursor, external: boolean): Statement {
  const ine = ifNotExists(c);
  const name = c.qualifiedName();
  let location: string | null = null;
  let comment: string | null = null;
  while (!c.atEnd()) {
    if (c.acceptWord('LOCATION')) location = c.string();
    else if (c.acceptWord('COMMENT')) comment = c.string();
    else c.fail();
  }
  return { type: 'create-volume', name, external, location, ifNotExists: ine, comment };
}

/** SQL UDFs only (R3): `RETURN expr` or `RETURN query`; Python bodies are refused. */
function parseCreateFunction(c: Cursor, orReplace: boolean): Statement {
  const ine = ifNotExists(c);
  if (orReplace && ine) c.fail();
  const name = parseFunctionName(c);
  c.expectOp('(');
  const params: ParamSpec[] = [];
  while (!c.isOp(')')) {
    const pname = c.identifier();
    const typeText = parseType(c);
    let defaultSql: string | null = null;
    let comment: string | null = null;
    for (;;) {
      if (c.acceptWord('DEFAULT')) {
        const from = c.pos;
        while (!c.isOp(',') && !c.isOp(')') && !c.isWord('COMMENT')) {
          if (c.isOp('(')) c.pos = c.closing(c.pos);
          c.next();
        }
        defaultSql = c.text(from, c.pos);
      } else if (c.acceptWord('COMMENT')) comment = c.string();
      else break;
    }
    params.push({ name: pname, typeText, comment, defaultSql });
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  let returnType: string | null = null;
  let returnColumns: ColumnSpec[] | null = null;
  if (c.acceptWord('RETURNS')) {
    if (c.acceptWord('TABLE')) returnColumns = c.isOp('(') ? parseColumnSpecs(c) : [];
    else returnType = parseType(c);
  }
  let comment: string | null = null;
  let deterministic = true;
  let readsSqlData = false;
  for (;;) {
    if (c.acceptWord('LANGUAGE')) {
      if (c.identifier().toUpperCase() !== 'SQL') throw ucErrors.unsupported('non-SQL function bodies in the sandbox');
    } else if (c.acceptWord('NOT', 'DETERMINISTIC')) deterministic = false;
    else if (c.acceptWord('DETERMINISTIC')) deterministic = true;
    else if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('CONTAINS', 'SQL')) readsSqlData = false;
    else if (c.acceptWord('READS', 'SQL', 'DATA')) readsSqlData = true;
    else if (c.acceptWord('SQL', 'SECURITY')) c.identifier();
    else break;
  }
  if (c.isWord('AS')) throw ucErrors.unsupported('function bodies in dollar-quoted strings (Python UDFs)');
  c.expectWord('RETURN');
  const from = c.pos;
  const rest = c.rest();
  if (rest.length <= 1) c.fail();
  return {
    type: 'create-function', name, orReplace, ifNotExists: ine, params, returnType: returnColumns ? null : returnType,
    returnColumns, body: c.text(from, c.pos), comment, deterministic, readsSqlData,
  };
}
