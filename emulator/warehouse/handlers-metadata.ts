import { makeExec, NO_PARAMETERS } from '../sql/engine/session';
import { runSql } from '../sql/engine/run-sql';
import type { InfoScope } from '../sql/info-schema';
import type { RpcContext } from './context';
import { directResults, handleOf, startOperation } from './handlers-operation';
import {
  catalogsSql, columnsSql, crossReferenceSql, functionsSql, primaryKeysSql, schemasSql, tablesSql, tableTypesSql, typeInfoSql,
} from './metadata-sql';
import { invalidHandle, ok } from './responses';
import { T, type TCLITypes } from './tcli';

interface MetadataReq {
  readonly sessionHandle: TCLITypes.TSessionHandle;
  readonly getDirectResults?: TCLITypes.TSparkGetDirectResults;
}

interface MetadataResp {
  status: TCLITypes.TStatus;
  operationHandle?: TCLITypes.TOperationHandle;
  directResults?: TCLITypes.TSparkDirectResults;
}

/** Metadata calls run like statements (same status, metadata and fetch path, reference §1) over information_schema. */
async function metadataCall(ctx: RpcContext, req: MetadataReq, type: number, label: string, sql: (scope: InfoScope) => string): Promise<MetadataResp> {
  const entry = ctx.sessions.get(req.sessionHandle?.sessionId?.guid, ctx.caller);
  if (!entry) return { status: invalidHandle('session') };
  const op = startOperation(ctx, entry, type, label, true, async (o) => {
    const exec = makeExec(ctx.uc, entry.session, o.statementId, NO_PARAMETERS, o.cancellation);
    const scope: InfoScope = { names: [...exec.subject.names], admin: exec.subject.metastoreAdmin, catalog: null };
    return { source: await runSql(exec, sql(scope)), statementType: 'METADATA', modifiedRows: null };
  });
  const resp: MetadataResp = { status: ok(), operationHandle: handleOf(op) };
  if (req.getDirectResults) resp.directResults = await directResults(entry, op, req.getDirectResults.maxRows.toNumber(true));
  return resp;
}

const O = T.TOperationType;

export const getCatalogs = async (ctx: RpcContext, req: TCLITypes.TGetCatalogsReq) =>
  new T.TGetCatalogsResp(await metadataCall(ctx, req, O.GET_CATALOGS, 'GetCatalogs', catalogsSql));

export const getSchemas = async (ctx: RpcContext, req: TCLITypes.TGetSchemasReq) =>
  new T.TGetSchemasResp(await metadataCall(ctx, req, O.GET_SCHEMAS, 'GetSchemas', (s) => schemasSql(s, req.catalogName, req.schemaName)));

export const getTables = async (ctx: RpcContext, req: TCLITypes.TGetTablesReq) =>
  new T.TGetTablesResp(
    await metadataCall(ctx, req, O.GET_TABLES, 'GetTables', (s) => tablesSql(s, req.catalogName, req.schemaName, req.tableName, req.tableTypes)),
  );

export const getTableTypes = async (ctx: RpcContext, req: TCLITypes.TGetTableTypesReq) =>
  new T.TGetTableTypesResp(await metadataCall(ctx, req, O.GET_TABLE_TYPES, 'GetTableTypes', tableTypesSql));

export const getColumns = async (ctx: RpcContext, req: TCLITypes.TGetColumnsReq) =>
  new T.TGetColumnsResp(
    await metadataCall(ctx, req, O.GET_COLUMNS, 'GetColumns', (s) => columnsSql(s, req.catalogName, req.schemaName, req.tableName, req.columnName)),
  );

export const getFunctions = async (ctx: RpcContext, req: TCLITypes.TGetFunctionsReq) =>
  new T.TGetFunctionsResp(
    await metadataCall(ctx, req, O.GET_FUNCTIONS, 'GetFunctions', (s) => functionsSql(s, req.catalogName, req.schemaName, req.functionName)),
  );

export const getTypeInfo = async (ctx: RpcContext, req: TCLITypes.TGetTypeInfoReq) =>
  new T.TGetTypeInfoResp(await metadataCall(ctx, req, O.GET_TYPE_INFO, 'GetTypeInfo', typeInfoSql));

export const getPrimaryKeys = async (ctx: RpcContext, req: TCLITypes.TGetPrimaryKeysReq) =>
  new T.TGetPrimaryKeysResp(await metadataCall(ctx, req, O.UNKNOWN, 'GetPrimaryKeys', primaryKeysSql));

export const getCrossReference = async (ctx: RpcContext, req: TCLITypes.TGetCrossReferenceReq) =>
  new T.TGetCrossReferenceResp(await metadataCall(ctx, req, O.UNKNOWN, 'GetCrossReference', crossReferenceSql));
