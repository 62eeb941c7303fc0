import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../test/failure-of';
import { checkIdToken, type IdTokenExpectations } from './id-token';
import { jwtClaims, jwtExpiry, looksLikeJwt } from './jwt-claims';

const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const jwt = (claims: unknown, signature = 'c2ln'): string => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.${signature}`;

const NOW = Date.UTC(2026, 0, 1);
const expected: IdTokenExpectations = { nonce: 'n-0123456789', clientId: 'ucbridge-desktop', issuer: 'https://ws.example/oidc', now: NOW, host: 'ws.example' };
const good = { nonce: expected.nonce, aud: expected.clientId, iss: expected.issuer, exp: NOW / 1000 + 3600 };

describe('jwtClaims', () => {
  it('reads the claims of a well-formed JWT without checking the signature', () => {
    expect(jwtClaims(jwt({ sub: 'a', exp: 10 }))).toEqual({ sub: 'a', exp: 10 });
    expect(jwtClaims(jwt({ sub: 'a' }, ''))).toEqual({ sub: 'a' }); // an empty signature part is still three parts
    expect(jwtExpiry(jwt({ exp: 10 }))).toBe(10_000);
  });

  it.each([
    ['two parts', `${b64({})}.${b64({ a: 1 })}`],
    ['four parts', `${jwt({ a: 1 })}.x`],
    ['an empty header', `.${b64({ a: 1 })}.sig`],
    ['an empty payload', `${b64({})}..sig`],
    ['padding or other characters', `${b64({})}=.${b64({ a: 1 })}.sig`],
    ['a signature with a dot-free but invalid character', `${b64({})}.${b64({ a: 1 })}.si+g`],
    ['a payload that is not JSON', `${b64({})}.${b64('not json')}.sig`],
    ['a payload that is an array', jwt([1, 2])],
    ['a payload that is null', jwt(null)],
    ['a payload that is a number', jwt(42)],
  ])('gives nothing for %s', (_name, token) => {
    expect(jwtClaims(token)).toBeUndefined();
    expect(jwtExpiry(token)).toBeUndefined();
  });

  it('only a finite numeric exp is an expiry', () => {
    expect(looksLikeJwt(jwt({}))).toBe(true);
    expect(looksLikeJwt('not.a jwt.x')).toBe(false);
    for (const exp of ['10', null, true, undefined]) expect(jwtExpiry(jwt({ exp })), String(exp)).toBeUndefined();
    expect(jwtExpiry(`${jwt({}).split('.')[0]}.${Buffer.from('{"exp":1e400}').toString('base64url')}.c2ln`)).toBeUndefined(); // JSON's 1e400 is Infinity
  });
});

describe('checkIdToken (OIDC Core §3.1.3.7)', () => {
  it('accepts the ID token of this sign-in: audience as a string or in a list, issuer unknown or equal', () => {
    expect(() => checkIdToken(jwt(good), expected)).not.toThrow();
    expect(() => checkIdToken(jwt({ ...good, aud: ['other', expected.clientId] }), expected)).not.toThrow();
    expect(() => checkIdToken(jwt({ ...good, iss: 'https://elsewhere/oidc' }), { ...expected, issuer: undefined })).not.toThrow();
    expect(() => checkIdToken(jwt({ ...good, exp: undefined }), expected)).not.toThrow();
    // Expired less than 5 minutes ago: clocks differ that much.
    expect(() => checkIdToken(jwt({ ...good, exp: (NOW - 5 * 60_000) / 1000 }), expected)).not.toThrow();
  });

  it.each([
    ['a malformed token', 'not-a-jwt', 'malformed'],
    ['another nonce', jwt({ ...good, nonce: 'n-other' }), 'nonce mismatch'],
    ['no nonce', jwt({ ...good, nonce: undefined }), 'nonce mismatch'],
    ['another audience', jwt({ ...good, aud: 'someone-else' }), 'another client'],
    ['a list without this client', jwt({ ...good, aud: ['a', 'b'] }), 'another client'],
    ['another issuer', jwt({ ...good, iss: 'https://elsewhere/oidc' }), 'another issuer'],
    ['a token expired over 5 minutes ago', jwt({ ...good, exp: (NOW - 5 * 60_000 - 1000) / 1000 }), 'expired'],
  ])('refuses %s as a rejected code, saying why', (_name, token, why) => {
    const e = refusalOf(() => checkIdToken(token, expected));
    expect(e.code).toBe('AUTH_FAILED');
    expect(e.message).toContain(why);
    expect(e.message).toMatch(/^The workspace did not accept the sign-in code/);
  });
});
