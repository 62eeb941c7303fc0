import { describe, expect, it } from 'vitest';
import { REDACTED, redactText } from './redact-text';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbkBleGFtcGxlLmNvbSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXZhbHVl';
const PAT = 'dapi0123456789abcdef0123456789abcdef';
const OPAQUE = 'Zq8vT3mK9xLp2RwN7yHc4BdF6sJ1gEa0uVtQ5oIiYk';

describe('redactText', () => {
  it.each([
    ['Authorization header', `Authorization: Bearer ${OPAQUE}`, OPAQUE],
    ['lower-case header', `authorization: Basic ${Buffer.from('client:s3cr3tvalue').toString('base64')}`, 'Y2xpZW50'],
    ['bearer in prose', `retrying with Bearer ${OPAQUE} after 401`, OPAQUE],
    ['JWT anywhere', `subject token was ${JWT}.`, JWT.slice(0, 40)],
    ['PAT', `using ${PAT} for SQL`, PAT],
    ['PAT with suffix', `${PAT}-2 rejected`, PAT],
    ['dkea prefix', 'dkea9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'dkea9f8e7d6c5b4a'],
    ['dskea prefix', 'dskea9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'dskea9f8e7d6c5b4a'],
    ['dsapi prefix', 'dsapi9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'dsapi9f8e7d6c5b4a'],
    ['dose prefix (M2M secret)', 'secret dose4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b', 'dose4f3e2d1c0b9a'],
    ['code in a callback URL', `http://127.0.0.1:8020/callback?code=${OPAQUE}&state=abc123`, OPAQUE],
    ['code in a fragment', `https://h/cb#code=${OPAQUE}`, OPAQUE],
    ['verifier in a form body', `grant_type=authorization_code&code=${OPAQUE}&code_verifier=v3r1f13r-value-xyz`, 'v3r1f13r'],
    ['client_secret in a URL', `https://h/oidc/v1/token?client_id=abc&client_secret=${OPAQUE}`, OPAQUE],
    ['refresh token in a form body', `grant_type=refresh_token&refresh_token=${OPAQUE}`, OPAQUE],
    ['access token in JSON', `{"access_token":"${OPAQUE}","token_type":"Bearer","expires_in":3600}`, OPAQUE],
    ['id token in JSON with spaces', `{ "id_token" : "${OPAQUE}" }`, OPAQUE],
    ['JSON escaped inside a string', `body="{\\"refresh_token\\":\\"${OPAQUE}\\"}"`, OPAQUE],
    ['util.inspect style', `{ headers: { authorization: 'Bearer ${OPAQUE}' } }`, OPAQUE],
    ['password key', 'password=hunter2hunter2 user=alice', 'hunter2'],
    ['password in URL user-info', 'https://alice:hunter2hunter2@example.com/x', 'hunter2'],
    ['cookie header', 'Cookie: session=abcdefgh12345678; theme=dark', 'abcdefgh12345678'],
    ['private key', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----', 'MIIEvQIBADANBg'],
    ['secret inside a quoted non-secret value', `message="token rejected: client_secret=${OPAQUE}"`, OPAQUE],
    ['URL nested in a query value', `next=https://h/cb?code=${OPAQUE}`, OPAQUE],
    ['subject token (federation)', `subject_token=${OPAQUE}&subject_token_type=urn:ietf:params:oauth:token-type:jwt`, OPAQUE],
  ])('removes %s', (_name, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/REDACTED/);
  });

  it.each([
    ['error codes', '{"code":"NOT_CONNECTED","message":"Sign in first"}'],
    ['HTTP status code', 'code=503 retry'],
    ['errno', 'code: ENOENT'],
    ['state (not a secret)', 'state=abc123&client_id=databricks-cli'],
    ['token type and endpoint', '{"token_type":"Bearer","token_endpoint":"https://h/oidc/v1/token"}'],
    ['plain prose', 'the token endpoint answered 400: invalid_grant'],
    ['a workspace URL', 'https://adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/abc'],
    ['Bearer as a word', 'Bearer authentication failed'],
    ['a plain value quoted in escaped JSON', 'body="{\\"host\\":\\"h.example\\",\\"n\\":2}"'],
    ['a plain value in single quotes', "{ host: 'h.example', path: '/sql' }"],
  ])('keeps %s', (_name, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('keeps the shape of the text around what it removes', () => {
    expect(redactText(`{"access_token":"${OPAQUE}","scope":"sql"}`)).toBe(`{"access_token":"${REDACTED}","scope":"sql"}`);
    expect(redactText(`/cb?code=${OPAQUE}&state=xyz`)).toBe(`/cb?code=${REDACTED}&state=xyz`);
    expect(redactText(`Authorization: Bearer ${OPAQUE}`)).toBe(`Authorization: ${REDACTED}`);
  });

  it('is idempotent', () => {
    const once = redactText(`Authorization: Bearer ${OPAQUE} {"password":"x1"} ${JWT} ${PAT}`);
    expect(redactText(once)).toBe(once);
  });

  it('keeps a null secret visible as absent', () => {
    expect(redactText('{"refresh_token":null}')).toBe('{"refresh_token":null}');
  });
});
