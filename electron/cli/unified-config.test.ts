import { describe, expect, it } from 'vitest';
import { refusalOf as refusal } from '../../test/failure-of';
import { parseDatabricksCfg } from '../services/session/databrickscfg';
import { parseArgs } from './args';
import { resolveTarget } from '../services/session/resolve-target';
import { resolveCliConfig } from './unified-config';

const profiles = parseDatabricksCfg(`[DEFAULT]
host = https://default.cloud.databricks.com
token = dapi-from-profile-0000
[m2m]
host = https://adb-1.2.azuredatabricks.net
client_id = sp-from-profile
client_secret = dose-from-profile
`);

const resolve = (argv: string[], env: NodeJS.ProcessEnv = {}) => resolveCliConfig(parseArgs(argv), env, profiles);
describe('unified auth resolution for the CLI', () => {
  it('takes flags over environment over the profile, attribute by attribute', () => {
    expect(resolve(['whoami'])).toMatchObject({ host: 'https://default.cloud.databricks.com', auth: { method: 'pat', token: 'dapi-from-profile-0000' }, profile: 'DEFAULT' });
    expect(resolve(['whoami'], { DATABRICKS_HOST: 'https://env.cloud.databricks.com' })).toMatchObject({ host: 'https://env.cloud.databricks.com', auth: { token: 'dapi-from-profile-0000' } });
    expect(resolve(['whoami', '--host', 'https://flag.cloud.databricks.com'], { DATABRICKS_HOST: 'https://env.cloud.databricks.com', DATABRICKS_TOKEN: 'dapi-env' })).toMatchObject({
      host: 'https://flag.cloud.databricks.com',
      auth: { method: 'pat', token: 'dapi-env' },
    });
  });

  it('infers M2M from a client id and secret, and selects profiles by flag or DATABRICKS_CONFIG_PROFILE', () => {
    expect(resolve(['whoami', '--profile', 'm2m'])).toMatchObject({ auth: { method: 'oauth-m2m', clientId: 'sp-from-profile', clientSecret: 'dose-from-profile' }, secrets: ['dose-from-profile'] });
    expect(resolve(['whoami'], { DATABRICKS_CONFIG_PROFILE: 'm2m', DATABRICKS_CLIENT_SECRET: 'dose-env' })).toMatchObject({ auth: { clientSecret: 'dose-env' } });
  });

  it('runs U2M when asked, with the registered redirect URIs', () => {
    expect(resolve(['whoami', '--auth-type', 'u2m', '--client-id', 'app', '--redirect-uri', 'http://localhost:9000/cb'], { DATABRICKS_HOST: 'https://x.cloud.databricks.com' })).toMatchObject({
      auth: { method: 'oauth-u2m', clientId: 'app', redirectUris: ['http://localhost:9000/cb'] },
    });
    expect(resolve(['whoami'], { DATABRICKS_AUTH_TYPE: 'file-oidc', DATABRICKS_HOST: 'https://x.cloud.databricks.com', DATABRICKS_OIDC_TOKEN_FILEPATH: '/var/run/token' })).toMatchObject({
      auth: { method: 'token-federation', source: { kind: 'file', path: '/var/run/token' } },
    });
    expect(resolve(['whoami', '--auth-type', 'env-oidc'], { DATABRICKS_HOST: 'https://x.cloud.databricks.com' })).toMatchObject({
      auth: { method: 'token-federation', source: { kind: 'env', name: 'DATABRICKS_OIDC_TOKEN' } },
    });
  });

  it('says what to set when something is missing or unknown', () => {
    expect(refusal(() => resolveCliConfig(parseArgs(['whoami']), {}, []))).toMatchObject({ message: 'No workspace given.' });
    expect(refusal(() => resolveCliConfig(parseArgs(['whoami']), { DATABRICKS_HOST: 'https://x.cloud.databricks.com' }, []))).toMatchObject({ message: 'No credentials found.' });
    expect(refusal(() => resolve(['whoami', '--profile', 'nope']))).toMatchObject({ message: expect.stringContaining('no profile "nope"') });
    expect(refusal(() => resolve(['whoami', '--auth-type', 'kerberos']))).toMatchObject({ message: 'Unknown auth type "kerberos".' });
    expect(() => parseArgs(['whoami', '--bogus'])).toThrow('Unknown flag --bogus.');
    expect(() => parseArgs(['whoami', '--host'])).toThrow('--host needs a value.');
  });

  it('signs in at account level with --account-id on an account console host, and ignores an account id for a workspace', () => {
    const id = '0d26daa6-5e44-4c97-a497-ef015f91254a';
    const env = { DATABRICKS_CLIENT_ID: 'sp', DATABRICKS_CLIENT_SECRET: 'dose-env-0000', DATABRICKS_ACCOUNT_ID: id };
    const account = resolveCliConfig(parseArgs(['whoami', '--host', 'https://accounts.cloud.databricks.com']), env, []);
    expect(account.auth).toEqual({ method: 'oauth-m2m', clientId: 'sp', clientSecret: 'dose-env-0000', accountId: id });
    const target = resolveTarget({ workspace: { kind: 'url', url: account.host }, auth: account.auth, useProfileSecret: false, profiles: [], recent: () => undefined });
    expect(target).toMatchObject({ accountId: id, address: { kind: 'account' } });
    // A workspace host: the id is not part of the sign-in (resolveTarget refuses an account id for a workspace).
    const workspace = resolveCliConfig(parseArgs(['whoami', '--host', 'https://adb-1.2.azuredatabricks.net']), env, []);
    expect(workspace.auth).not.toHaveProperty('accountId');
    expect(resolveTarget({ workspace: { kind: 'url', url: workspace.host }, auth: workspace.auth, useProfileSecret: false, profiles: [], recent: () => undefined })).not.toHaveProperty('accountId');
  });
});
