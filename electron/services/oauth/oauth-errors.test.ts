import { describe, expect, it } from 'vitest';
import { authFailure, type AuthFailureKind } from '../../../shared/domain/auth-failures';
import { MAX_CLOCK_SKEW_MS, tokenEndpointFailure, type Grant, type TokenErrorInput } from './oauth-errors';

const ctx = { host: 'ws.example', clientId: 'app-1' };
const input = (over: Partial<TokenErrorInput>): TokenErrorInput => ({
  grant: 'authorization_code',
  status: 400,
  bodyText: '{"error":"invalid_grant","error_description":"Code expired"}',
  skewMs: undefined,
  confidential: false,
  ctx,
  ...over,
});
const errorOf = (over: Partial<TokenErrorInput>) => tokenEndpointFailure(input(over)).error;

describe('tokenEndpointFailure (RFC 6749 §5.2 refusals as failures the user can act on)', () => {
  it('says what the server said: error code and description, stripped of anything but plain punctuation', () => {
    expect(errorOf({}).message).toBe(authFailure('code-rejected', { ...ctx, detail: 'invalid_grant: Code expired' }).message);
    const odd = errorOf({ bodyText: JSON.stringify({ error: 'invalid_grant', error_description: 'bad <b>code</b>\u202e {x} (1/2) a=b, c; d.' }) });
    expect(odd.message).toContain('(invalid_grant: bad bcode/b x (1/2) a=b, c; d.)');
  });

  it('falls back to the HTTP status when the body says nothing', () => {
    for (const bodyText of ['', 'not json', '{}', '{"error":"<>"}']) {
      expect(errorOf({ bodyText, status: 403 }).message, bodyText).toBe(authFailure('code-rejected', { ...ctx, detail: 'HTTP 403' }).message);
    }
  });

  it('answers a server error (500 and above) with "try again", whatever the grant', () => {
    for (const status of [500, 503]) {
      expect(errorOf({ status, bodyText: '{"error":"temporarily_unavailable"}' })).toEqual({
        code: 'UNAVAILABLE',
        message: 'The sign-in service of ws.example failed (temporarily_unavailable).',
        hint: 'Try again in a minute.',
      });
    }
    expect(errorOf({ status: 502, bodyText: '', ctx: {} }).message).toBe('The sign-in service of the workspace failed (HTTP 502).');
    expect(errorOf({ status: 499 }).code).toBe('AUTH_FAILED');
  });

  it('blames the clock when the server\'s Date differs by more than five minutes, either way', () => {
    for (const skewMs of [MAX_CLOCK_SKEW_MS + 60_000, -(MAX_CLOCK_SKEW_MS + 60_000)]) {
      expect(errorOf({ skewMs })).toEqual(authFailure('clock-skew', { ...ctx, detail: '6 minutes' }));
    }
    for (const skewMs of [MAX_CLOCK_SKEW_MS, -MAX_CLOCK_SKEW_MS, 0]) {
      expect(errorOf({ skewMs }), String(skewMs)).toEqual(authFailure('code-rejected', { ...ctx, detail: 'invalid_grant: Code expired' }));
    }
  });

  it('names the fix for each grant', () => {
    const cases: readonly [Grant, number, string, boolean, AuthFailureKind][] = [
      ['refresh_token', 400, '{"error":"invalid_request","error_description":"Refresh token is invalid"}', false, 'signin-required'],
      ['refresh_token', 401, '{"error":"invalid_client"}', true, 'signin-required'],
      ['authorization_code', 400, '{"error":"invalid_grant"}', true, 'code-rejected'],
      ['authorization_code', 401, '{"error":"invalid_client"}', true, 'wrong-client-secret'],
      ['authorization_code', 401, '{"error":"invalid_client"}', false, 'authorize-error'],
      ['client_credentials', 400, '{"error":"invalid_client"}', true, 'wrong-client-secret'],
      ['client_credentials', 401, '{"error":"unauthorized_client"}', true, 'wrong-client-secret'],
      ['client_credentials', 400, '{"error":"invalid_scope"}', true, 'authorize-error'],
      ['token_exchange', 400, '{"error":"invalid_request"}', false, 'federation-rejected'],
      ['token_exchange', 401, '{"error":"invalid_client"}', false, 'federation-rejected'],
    ];
    for (const [grant, status, bodyText, confidential, kind] of cases) {
      const detail = (JSON.parse(bodyText) as { error: string; error_description?: string }).error_description;
      const error = (JSON.parse(bodyText) as { error: string }).error;
      expect(errorOf({ grant, status, bodyText, confidential }), `${grant} ${status} ${bodyText}`).toEqual(
        authFailure(kind, { ...ctx, detail: detail ? `${error}: ${detail}` : error }),
      );
    }
  });
});
