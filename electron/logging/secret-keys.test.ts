import { describe, expect, it } from 'vitest';
import { REDACTED, redactText } from './redact-text';
import { redactValue } from './redact-value';
import { isSecretKey, isSecretCodeValue, mustRedact } from './secret-keys';

/** Opaque on purpose: no token prefix or shape, so only the field's name can tell the redaction it is secret. */
const VALUE = 'Zq8vT3mK9xLp2RwN7yHc4BdF';

/** Every field name the rules must treat as secret, in the spellings the app meets (JSON, forms, camelCase, headers). */
const SECRET_NAMES = [
  'token', 'access_token', 'refreshToken', 'id_token', 'subject_token', 'personalAccessToken',
  'secret', 'client_secret', 'clientSecret',
  'password', 'Password', 'passwd', 'passphrase', 'keyPassphrase', 'key_passphrase',
  'authorization', 'Authorization', 'proxy-authorization',
  'cookie', 'set-cookie',
  'verifier', 'code_verifier', 'codeVerifier',
  'apikey', 'api_key', 'apiKey', 'x-api-key',
  'privatekey', 'private_key', 'privateKeyPem',
  'assertion', 'client_assertion',
  'authcode', 'auth_code', 'authorization_code',
  'pat', 'PAT', 'jwt', 'pwd',
] as const;

/** Names that contain a secret word but are plainly not secret, and ordinary names. */
const PLAIN_NAMES = [
  'token_type', 'token_endpoint', 'tokenState', 'secretStorage', 'secretStorageNote', 'token_expires_in', 'tokenExpiresAt',
  'token_id', 'tokenLifetime', 'token_endpoint_auth_methods_supported', 'authorization_endpoint', 'redirect_uri',
  'passwordLength', 'cookieCount', 'userName', 'host', 'path', 'patch', 'pattern', 'jwtType', 'state',
] as const;

describe('secret field names', () => {
  it.each(SECRET_NAMES)('"%s" is secret in keys, JSON, forms and free text', (name) => {
    expect(isSecretKey(name)).toBe(true);
    expect(mustRedact(name, VALUE)).toBe(true);
    expect(JSON.stringify(redactValue({ [name]: VALUE }))).not.toContain(VALUE);
    expect(redactText(`{"${name}":"${VALUE}"}`)).not.toContain(VALUE);
    expect(redactText(`a=1&${name}=${VALUE}&b=2`)).not.toContain(VALUE);
    expect(redactText(`${name}: ${VALUE}`)).toContain(REDACTED);
  });

  it.each(PLAIN_NAMES)('"%s" is not secret', (name) => {
    expect(isSecretKey(name)).toBe(false);
    expect(redactValue({ [name]: 'keep-me' })).toEqual({ [name]: 'keep-me' });
  });

  it('an OAuth code is secret, an error code is not', () => {
    for (const code of ['NOT_CONNECTED', 'ENOENT', 'invalid_grant.x', 401, null, undefined, '']) expect(isSecretCodeValue(code), String(code)).toBe(code === 'invalid_grant.x');
    expect(isSecretCodeValue({ nested: true })).toBe(true);
    // Only a string or a number reads as an error code: a list that prints like one is still not one.
    expect(isSecretCodeValue(['NOT_CONNECTED'])).toBe(true);
    expect(isSecretCodeValue(VALUE)).toBe(true);
    expect(mustRedact('code', VALUE)).toBe(true);
    expect(mustRedact('Code', 'SQL_ERROR')).toBe(false);
  });
});
