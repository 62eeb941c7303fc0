import { describe, expect, it } from 'vitest';
import { httpFailure, parseErrorBody, transportFailure } from './http-errors';

describe('Databricks error bodies', () => {
  it('reads REST, OAuth and SCIM error shapes', () => {
    expect(parseErrorBody('{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Catalog \'x\' does not exist."}')).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: "Catalog 'x' does not exist.",
    });
    expect(parseErrorBody('{"error":"invalid_client","error_description":"Client authentication failed"}')).toEqual({
      errorCode: 'invalid_client',
      message: 'Client authentication failed',
    });
    expect(parseErrorBody('{"detail":"User not found","status":"404"}')).toEqual({ message: 'User not found' });
    expect(parseErrorBody('<html>bad gateway</html>')).toEqual({});
    expect(parseErrorBody('null')).toEqual({});
  });

  it.each([
    [400, '{"error_code":"INVALID_PARAMETER_VALUE"}', 'BAD_REQUEST'],
    [401, '', 'AUTH_REQUIRED'],
    [403, '{"error_code":"PERMISSION_DENIED","message":"no USE CATALOG"}', 'FORBIDDEN'],
    [404, '{"error_code":"RESOURCE_DOES_NOT_EXIST"}', 'NOT_FOUND'],
    [400, '{"error_code":"RESOURCE_ALREADY_EXISTS"}', 'CONFLICT'],
    [409, '', 'CONFLICT'],
    [429, '', 'RATE_LIMITED'],
    [500, '', 'UNAVAILABLE'],
    [501, '', 'UNSUPPORTED'],
    [503, '', 'UNAVAILABLE'],
  ] as const)('maps %i %s to %s', (status, body, code) => {
    const e = httpFailure(status, body, 'Listing catalogs');
    expect(e.error.code).toBe(code);
    expect(e.error.message).toMatch(/^Listing catalogs failed: Databricks answered \d{3}/);
  });

  it('clips a huge server message', () => {
    expect(httpFailure(400, JSON.stringify({ message: 'x'.repeat(10_000) }), 'X').error.message.length).toBeLessThan(400);
  });

  it('names certificate, timeout and unreachable transport errors along the cause chain', () => {
    const wrapped = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });
    expect(transportFailure(wrapped('SELF_SIGNED_CERT_IN_CHAIN'), 'h').error.message).toContain('certificate of h is not trusted');
    expect(transportFailure(wrapped('UND_ERR_CONNECT_TIMEOUT'), 'h').error.code).toBe('TIMEOUT');
    expect(transportFailure(wrapped('ENOTFOUND'), 'h').error).toMatchObject({ code: 'NETWORK', message: 'ucbridge could not reach h (ENOTFOUND).' });
    expect(transportFailure(new Error('weird'), 'h').error.code).toBe('NETWORK');
  });
});
