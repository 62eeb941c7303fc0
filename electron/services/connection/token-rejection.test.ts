import { describe, expect, it } from 'vitest';
import { isTokenRejection } from './token-rejection';

/** The shapes are quoted from the reports cited in token-rejection.ts. */
describe('isTokenRejection', () => {
  it.each([
    [401, '{"error_code":"UNAUTHENTICATED","message":"Token is expired."}'],
    [401, ''],
    [403, '{\n  "error_code": 403,\n  "message": "Invalid access token."\n}'],
    [403, '{"error_code": 403, "message": "JWT has expired"}'],
    [403, '{"error_code":"PERMISSION_DENIED","message":"Token is expiring within 30 seconds. (token expired)"}'],
    [400, '{"error_code":"BAD_REQUEST","message":"Error while parsing token: io.jsonwebtoken.ExpiredJwtException: JWT expired at 2023-03-02T21:43:10Z. Current time: 2023-07-27T15:45:29Z, a difference of 12679339053 milliseconds.  Allowed clock skew: 0 milliseconds"}'],
  ])('%i %s is a token problem', (status, body) => {
    expect(isTokenRejection(status, body)).toBe(true);
  });

  it.each([
    [403, '{"error_code":"PERMISSION_DENIED","message":"User does not have USE CATALOG on Catalog \'main\'."}'],
    [403, ''],
    [400, '{"error_code":"INVALID_PARAMETER_VALUE","message":"Invalid catalog name."}'],
    [400, 'not json'],
    [404, '{"error_code": 403, "message": "Invalid access token."}'],
    [500, '{"message":"Token is expired."}'],
  ])('%i %s is not', (status, body) => {
    expect(isTokenRejection(status, body)).toBe(false);
  });
});
