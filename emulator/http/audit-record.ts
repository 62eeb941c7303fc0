import type { AuditRecord, Caller, RestRoute } from '../contracts';

// Keys whose values never go into an audit row (secrets, tokens, passwords, SQL bodies with literals are fine).
const SECRET_KEY = /secret|token|password|assertion|verifier|^code$/iu;

/** Path parameters, query parameters and top-level scalar body fields, secrets dropped. */
export function auditParams(params: Readonly<Record<string, string>>, query: URLSearchParams, body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown): void => {
    if (SECRET_KEY.test(key)) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  };
  for (const [k, v] of Object.entries(params)) put(k === '*' ? 'path' : k, v);
  for (const [k, v] of query) put(k, v);
  if (body && typeof body === 'object' && !Array.isArray(body)) for (const [k, v] of Object.entries(body)) put(k, v);
  return out;
}

export function auditLabel(route: RestRoute): { readonly serviceName: string; readonly actionName: string } {
  return route.audit ?? { serviceName: 'unityCatalog', actionName: `${route.method} ${route.pattern}` };
}

export interface AuditInput {
  readonly route: RestRoute;
  readonly caller: Caller;
  readonly requestParams: Record<string, string>;
  readonly statusCode: number;
  readonly responseBody: unknown;
}

export function toAuditRecord(a: AuditInput): AuditRecord {
  const label = auditLabel(a.route);
  const body = a.responseBody as { message?: unknown; detail?: unknown } | undefined;
  const errorMessage = a.statusCode >= 400 ? String(body?.message ?? body?.detail ?? '') : undefined;
  return {
    time: new Date(),
    serviceName: label.serviceName,
    actionName: label.actionName,
    principal: a.caller.principal,
    userAgent: a.caller.userAgent,
    sourceIp: a.caller.sourceIp,
    requestParams: a.requestParams,
    statusCode: a.statusCode,
    ...(errorMessage ? { errorMessage } : {}),
  };
}
