import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { REDACTED } from './redact-text';
import { redactValue } from './redact-value';

const SECRET = 'Zq8vT3mK9xLp2RwN7yHc4BdF6sJ1gEa0uVtQ5oIiYk';
const json = (v: unknown): string => JSON.stringify(redactValue(v));

describe('redactValue', () => {
  it('redacts secret-named keys whatever their value, at any depth', () => {
    const out = redactValue({
      workspace: 'https://h',
      auth: { tokens: { access_token: SECRET, refreshToken: 42, idToken: ['a', 'b'] } },
      clientSecret: { nested: SECRET },
      password: SECRET,
      Authorization: `Bearer ${SECRET}`,
      codeVerifier: SECRET,
      list: [{ client_secret: SECRET }],
    });
    expect(out).toEqual({
      workspace: 'https://h',
      auth: { tokens: REDACTED },
      clientSecret: REDACTED,
      password: REDACTED,
      Authorization: REDACTED,
      codeVerifier: REDACTED,
      list: [{ client_secret: REDACTED }],
    });
  });

  it('keeps non-secret neighbours of secret words', () => {
    const value = { token_type: 'Bearer', tokenEndpoint: 'https://h/oidc/v1/token', secretStorage: 'keychain', tokenId: 'abc' };
    expect(redactValue(value)).toEqual(value);
  });

  it('redacts an OAuth code but keeps error codes', () => {
    expect(redactValue({ code: SECRET, state: 'xyz' })).toEqual({ code: REDACTED, state: 'xyz' });
    expect(redactValue({ code: 'NOT_CONNECTED', status: { code: 503 } })).toEqual({
      code: 'NOT_CONNECTED',
      status: { code: 503 },
    });
  });

  it('scans every string for secrets', () => {
    expect(json({ note: `sent Authorization: Bearer ${SECRET}` })).not.toContain(SECRET);
    expect(json(['x', [`?code=${SECRET}`]])).not.toContain(SECRET);
  });

  it('redacts URLs, Headers and Maps', () => {
    const url = new URL(`https://h/cb?code=${SECRET}&state=s`);
    const headers = new Headers({ authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' });
    const map = new Map<string, unknown>([['refresh_token', SECRET], ['host', 'h']]);
    const out = json({ url, headers, map, set: new Set([`pat dapi0123456789abcdef0123456789abcdef`]) });
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('dapi0123');
    expect(out).toContain('content-type');
    expect(out).toContain('state=s');
  });

  it('turns Errors into plain data with redacted message, stack, cause and own properties', () => {
    const cause = new Error(`token endpoint said: {"access_token":"${SECRET}"}`);
    const error = Object.assign(new Error(`request to https://h/x?client_secret=${SECRET} failed`, { cause }), {
      config: { headers: { Authorization: `Bearer ${SECRET}` } },
      status: 401,
    });
    const out = redactValue(error) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(out).toMatchObject({ name: 'Error', status: 401, config: { headers: { Authorization: REDACTED } } });
    expect(out.stack).toEqual(expect.stringContaining('redact-value.test.ts'));
  });

  it('keeps the code of an AppFailure', () => {
    expect(redactValue(new AppFailure({ code: 'AUTH_FAILED', message: 'nope' }))).toMatchObject({
      name: 'AppFailure',
      code: 'AUTH_FAILED',
      message: 'nope',
    });
  });

  it('never logs raw bytes', () => {
    expect(redactValue({ blob: new Uint8Array([1, 2, 3]), buf: Buffer.from(SECRET) })).toEqual({
      blob: '[3 bytes]',
      buf: `[${SECRET.length} bytes]`,
    });
  });

  it('survives cycles, depth and odd values', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const out = redactValue({ a, root, f: () => 1, big: 10n, sym: Symbol('s'), when: new Date(0) });
    expect(out).toMatchObject({ a: { name: 'a', self: '[Circular]' }, f: '[Function]', big: '10', sym: 'Symbol(s)' });
    expect(JSON.stringify(out)).toContain('[Truncated]');
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('keeps plain values as they are: booleans, numbers, null inside lists, dates', () => {
    expect(redactValue({ ok: true, done: false, n: 0, list: [null, 1], when: new Date(0), bad: new Date(Number.NaN) })).toStrictEqual({
      ok: true,
      done: false,
      n: 0,
      list: [null, 1],
      when: '1970-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
    });
    expect(redactValue(new Set(['a', 'b']))).toEqual(['a', 'b']);
  });

  it('shows an empty or absent secret as such (it tells that none was given)', () => {
    expect(redactValue({ password: '', refresh_token: null, client_secret: undefined })).toStrictEqual({
      password: '',
      refresh_token: null,
      client_secret: undefined,
    });
  });

  it('keeps 8 levels of nesting and truncates the ninth', () => {
    const nest = (n: number): Record<string, unknown> => (n === 10 ? { n } : { n, next: nest(n + 1) });
    let out = redactValue(nest(0)) as Record<string, unknown>;
    for (let level = 0; level < 7; level++) out = out.next as Record<string, unknown>;
    expect(out.n).toBe(7);
    expect(out.next).toBe('[Truncated]');
  });

  it('keeps at most 200 items of a list, a set or an object', () => {
    const many = Array.from({ length: 201 }, (_, i) => i);
    expect(redactValue(many)).toEqual(many.slice(0, 200));
    expect(redactValue(new Set(many))).toEqual(many.slice(0, 200));
    const wide = Object.fromEntries(many.map((i) => [`k${i}`, i]));
    expect(Object.keys(redactValue(wide) as object)).toEqual(many.slice(0, 200).map((i) => `k${i}`));
  });

  it('writes an Error as its name, message, stack and cause, and an AppFailure with its code but not its error twice', () => {
    const bare = new Error('no stack');
    delete bare.stack;
    expect(redactValue(bare)).toStrictEqual({ name: 'Error', message: 'no stack' });
    const caused = new Error('outer', { cause: new Error(`inner password=${SECRET}`) });
    expect(redactValue(caused)).toMatchObject({ message: 'outer', cause: { name: 'Error', message: `inner password=${REDACTED}` } });
    const failure = new AppFailure({ code: 'AUTH_FAILED', message: 'nope', hint: 'Sign in again.' });
    expect(redactValue(failure)).toStrictEqual({ name: 'AppFailure', message: 'nope', code: 'AUTH_FAILED', stack: expect.any(String) });
  });

  it('keeps a shared (non-circular) object visible twice', () => {
    const shared = { host: 'h' };
    expect(redactValue({ a: shared, b: shared })).toEqual({ a: { host: 'h' }, b: { host: 'h' } });
  });
});
