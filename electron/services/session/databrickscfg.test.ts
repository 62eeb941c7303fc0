import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDatabricksCfg } from './databrickscfg';
import { summarizeProfile } from './profiles';

const FILE = `
; written by databricks auth login
[DEFAULT]
host  = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com
token = dapi0123456789abcdef0123456789abcdef

[prod-m2m]
host = https://adb-1234567890123456.7.azuredatabricks.net/
client_id = 0d26daa6-5e44-4c97-a497-ef015f91254a
client_secret = dose0123456789abcdef
auth_type = oauth-m2m
# a comment

[account]
host = https://accounts.cloud.databricks.com
account_id = 0D26DAA6-5E44-4C97-A497-EF015F91254A
[broken]
host = https://evil.example.com
garbage line without equals
`;

describe('~/.databrickscfg', () => {
  it('reads profiles and their keys', () => {
    const profiles = parseDatabricksCfg(FILE);
    expect(profiles.map((p) => p.name)).toEqual(['DEFAULT', 'prod-m2m', 'account', 'broken']);
    expect(profiles[1]!.values).toMatchObject({ host: 'https://adb-1234567890123456.7.azuredatabricks.net/', auth_type: 'oauth-m2m' });
  });

  it('summarises without secrets, normalising hosts and flagging bad ones', () => {
    const summaries = parseDatabricksCfg(FILE).map(summarizeProfile);
    expect(summaries).toEqual([
      { name: 'DEFAULT', url: 'https://dbc-a1b2c3d4-e5f6.cloud.databricks.com', hasToken: true, hasClientSecret: false },
      {
        name: 'prod-m2m',
        url: 'https://adb-1234567890123456.7.azuredatabricks.net',
        authType: 'oauth-m2m',
        clientId: '0d26daa6-5e44-4c97-a497-ef015f91254a',
        hasToken: false,
        hasClientSecret: true,
      },
      { name: 'account', url: 'https://accounts.cloud.databricks.com', accountId: '0d26daa6-5e44-4c97-a497-ef015f91254a', hasToken: false, hasClientSecret: false },
      { name: 'broken', hasToken: false, hasClientSecret: false, problem: expect.stringContaining('evil.example.com') },
    ]);
    expect(JSON.stringify(summaries)).not.toMatch(/dapi|dose/);
  });

  it('never throws on arbitrary text and ignores prototype-polluting keys', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (text) => void parseDatabricksCfg(text)));
    const [p] = parseDatabricksCfg('[x]\n__proto__ = 1\nconstructor = 2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(p!.values.__proto__).toBe('1');
  });
});
