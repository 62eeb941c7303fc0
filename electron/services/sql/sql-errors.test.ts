import { describe, expect, it } from 'vitest';
import { TransientFailure } from '../http/retry-policy';
import { isTokenRejectedDriverError, sqlFailure } from './sql-errors';

/** Driver errors shaped as `@databricks/sql` 2.x throws them (THTTPException carries the node-fetch Response). */
const httpError = (statusCode: number, headers: Record<string, string> = {}, body = '') => ({
  name: 'Error',
  message: `Received a response with a bad HTTP status code: ${statusCode}`,
  statusCode,
  response: { headers: { get: (n: string) => headers[n.toLowerCase()] ?? null }, text: async () => body },
});

describe('sqlFailure', () => {
  it('keeps the warehouse Retry-After on a 429 or 503, for the retry that follows', () => {
    const limited = sqlFailure(httpError(429, { 'retry-after': '7' }), 'h');
    expect(limited).toBeInstanceOf(TransientFailure);
    expect(limited).toMatchObject({ error: { code: 'RATE_LIMITED' }, retryAfterMs: 7000 });
    expect(sqlFailure(httpError(503), 'h')).toMatchObject({ error: { code: 'UNAVAILABLE' }, retryAfterMs: undefined });
    expect(sqlFailure(httpError(502), 'h')).not.toBeInstanceOf(TransientFailure);
  });

  it('says a reset connection dropped, never that the host could not be reached', () => {
    const reset = Object.assign(new Error('request to https://h/sql/1.0/warehouses/abc failed, reason: socket hang up'), { type: 'system', code: 'ECONNRESET' });
    expect(sqlFailure(reset, 'h:443').error).toEqual({ code: 'NETWORK', message: 'The connection to h:443 dropped before it answered.', hint: expect.any(String) });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(sqlFailure(refused, 'h:443').error.message).toContain('could not reach h:443');
  });
});

describe('isTokenRejectedDriverError', () => {
  it('is true for a warehouse 401 or 403, and a 400 ExpiredJwtException; false for anything else', async () => {
    expect(await isTokenRejectedDriverError(httpError(401))).toBe(true);
    expect(await isTokenRejectedDriverError(httpError(403))).toBe(true);
    expect(await isTokenRejectedDriverError(httpError(400, {}, '{"error_code":"BAD_REQUEST","message":"Error while parsing token: io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-01-01T00:00:00Z."}'))).toBe(true);
    expect(await isTokenRejectedDriverError(httpError(400, {}, '{"error_code":"BAD_REQUEST","message":"Malformed request."}'))).toBe(false);
    expect(await isTokenRejectedDriverError(httpError(429))).toBe(false);
    expect(await isTokenRejectedDriverError(new Error('plain'))).toBe(false);
  });
});
