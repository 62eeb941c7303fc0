import { DEFAULT_CATALOG } from '../catalog/unity-catalog';
import { RESULT_FORMAT_CONF, type RpcContext } from './context';
import { invalidHandle, ok } from './responses';
import { T, type TCLITypes } from './tcli';

/** The server protocol version the emulator speaks: SPARK_CLI_SERVICE_PROTOCOL_V8 (42248, reference §1). */
export const SERVER_PROTOCOL = T.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;

export function openSession(ctx: RpcContext, req: TCLITypes.TOpenSessionReq): TCLITypes.TOpenSessionResp {
  const ns = req.initialNamespace;
  const configuration = { ...(req.configuration ?? {}) };
  const entry = ctx.sessions.open(ctx.caller, ctx.warehouseId, ns?.catalogName?.toLowerCase() || DEFAULT_CATALOG, ns?.schemaName?.toLowerCase() || 'default', configuration);
  ctx.uc.recordAudit({
    time: new Date(), serviceName: 'databrickssql', actionName: 'openSession', principal: ctx.caller.principal,
    userAgent: ctx.caller.userAgent, sourceIp: ctx.caller.sourceIp, requestParams: { warehouseId: ctx.warehouseId }, statusCode: 200,
  });
  return new T.TOpenSessionResp({
    status: ok(),
    serverProtocolVersion: SERVER_PROTOCOL,
    sessionHandle: new T.TSessionHandle({ sessionId: new T.THandleIdentifier({ guid: entry.guid, secret: entry.secret }) }),
    configuration: Object.fromEntries(Object.entries(configuration).filter(([k]) => k !== RESULT_FORMAT_CONF)),
    initialNamespace: new T.TNamespace({ catalogName: entry.session.catalog, schemaName: entry.session.schema }),
    canUseMultipleCatalogs: true,
  });
}

export function closeSession(ctx: RpcContext, req: TCLITypes.TCloseSessionReq): TCLITypes.TCloseSessionResp {
  const entry = ctx.sessions.get(req.sessionHandle?.sessionId?.guid, ctx.caller);
  if (!entry) return new T.TCloseSessionResp({ status: invalidHandle('session') });
  ctx.sessions.close(entry);
  return new T.TCloseSessionResp({ status: ok() });
}

const INFO: Readonly<Record<number, string>> = {
  [T.TGetInfoType.CLI_SERVER_NAME]: 'Databricks SQL',
  [T.TGetInfoType.CLI_DBMS_NAME]: 'Spark SQL',
  [T.TGetInfoType.CLI_DBMS_VER]: '3.5.0',
};

export function getInfo(ctx: RpcContext, req: TCLITypes.TGetInfoReq): TCLITypes.TGetInfoResp {
  if (!ctx.sessions.get(req.sessionHandle?.sessionId?.guid, ctx.caller)) {
    return new T.TGetInfoResp({ status: invalidHandle('session'), infoValue: new T.TGetInfoValue({}) });
  }
  return new T.TGetInfoResp({ status: ok(), infoValue: new T.TGetInfoValue({ stringValue: INFO[req.infoType] ?? '' }) });
}
