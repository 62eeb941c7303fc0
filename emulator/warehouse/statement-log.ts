import type { Operation } from './operation';
import type { RpcContext } from './context';

/**
 * Every statement lands in system.access.audit (`databrickssql` commandSubmit / commandFinish) and in
 * system.query.history with the principal and the User-Agent (issue 4 §1).
 */
export function logSubmit(ctx: RpcContext, op: Operation): void {
  ctx.uc.recordAudit({
    time: new Date(op.startedAt),
    serviceName: 'databrickssql',
    actionName: 'commandSubmit',
    principal: ctx.caller.principal,
    userAgent: ctx.caller.userAgent,
    sourceIp: ctx.caller.sourceIp,
    requestParams: { warehouseId: ctx.warehouseId, commandId: op.statementId, commandText: op.statementText },
    statusCode: 200,
  });
}

export function logFinish(ctx: RpcContext, op: Operation): void {
  const end = new Date(op.completedAt ?? Date.now());
  const status = op.state === 'ERROR' ? 'FAILED' : op.state === 'CANCELED' ? 'CANCELED' : 'FINISHED';
  ctx.uc.recordAudit({
    time: end,
    serviceName: 'databrickssql',
    actionName: 'commandFinish',
    principal: ctx.caller.principal,
    userAgent: ctx.caller.userAgent,
    sourceIp: ctx.caller.sourceIp,
    requestParams: { warehouseId: ctx.warehouseId, commandId: op.statementId },
    statusCode: op.state === 'ERROR' ? 400 : 200,
    ...(op.error ? { errorMessage: op.error.displayMessage } : {}),
  });
  ctx.uc.log.query({
    statementId: op.statementId,
    sessionId: op.session.id,
    warehouseId: ctx.warehouseId,
    principal: ctx.caller.principal,
    userAgent: ctx.caller.userAgent,
    statementText: op.statementText,
    statementType: op.execution?.statementType ?? (/^\s*(\w+)/.exec(op.statementText)?.[1] ?? 'OTHER').toUpperCase(),
    status,
    errorMessage: op.error?.displayMessage ?? null,
    startTime: new Date(op.startedAt),
    endTime: end,
    producedRows: op.execution?.modifiedRows ?? 0,
  });
}
