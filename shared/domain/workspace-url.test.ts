import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountConsoleFor, parseWorkspaceUrl } from './workspace-url';

const accepted = (input: string) => {
  const r = parseWorkspaceUrl(input);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(input)}: ${r.problem}`);
  return r.value;
};
const refused = (input: string) => {
  const r = parseWorkspaceUrl(input);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${r.value.url}`);
  return r;
};

describe('parseWorkspaceUrl', () => {
  it.each([
    ['https://dbc-a1b2c3d4-e5f6.cloud.databricks.com', 'https://dbc-a1b2c3d4-e5f6.cloud.databricks.com', 'aws', 'workspace'],
    ['dbc-a1b2c3d4-e5f6.cloud.databricks.com', 'https://dbc-a1b2c3d4-e5f6.cloud.databricks.com', 'aws', 'workspace'],
    ['  HTTPS://MyCo.Cloud.Databricks.COM/  ', 'https://myco.cloud.databricks.com', 'aws', 'workspace'],
    ['https://adb-1234567890123456.7.azuredatabricks.net', 'https://adb-1234567890123456.7.azuredatabricks.net', 'azure', 'workspace'],
    ['https://adb-1.2.databricks.azure.us', 'https://adb-1.2.databricks.azure.us', 'azure', 'workspace'],
    ['https://adb-1.2.databricks.azure.cn', 'https://adb-1.2.databricks.azure.cn', 'azure', 'workspace'],
    ['https://1234567890123456.7.gcp.databricks.com', 'https://1234567890123456.7.gcp.databricks.com', 'gcp', 'workspace'],
    ['https://accounts.cloud.databricks.com', 'https://accounts.cloud.databricks.com', 'aws', 'account'],
    ['https://accounts.azuredatabricks.net', 'https://accounts.azuredatabricks.net', 'azure', 'account'],
    ['accounts.gcp.databricks.com', 'https://accounts.gcp.databricks.com', 'gcp', 'account'],
    ['https://myco.cloud.databricks.com:443', 'https://myco.cloud.databricks.com', 'aws', 'workspace'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443', 'local', 'sandbox'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', 'local', 'sandbox'],
    ['http://localhost:3000/', 'http://localhost:3000', 'local', 'sandbox'],
    ['http://[::1]:3000', 'http://[::1]:3000', 'local', 'sandbox'],
  ])('accepts %s', (input, url, cloud, kind) => {
    expect(accepted(input)).toMatchObject({ url, cloud, kind });
  });

  it('refuses plain http for a real workspace and suggests https', () => {
    expect(refused('http://myco.cloud.databricks.com')).toMatchObject({ suggestion: 'https://myco.cloud.databricks.com' });
  });

  it('refuses a path, query or fragment and suggests the bare address', () => {
    for (const input of [
      'https://adb-1.2.azuredatabricks.net/?o=1234567',
      'https://myco.cloud.databricks.com/sql/1.0/warehouses/abc',
      'https://myco.cloud.databricks.com/#workspace',
    ]) {
      const r = refused(input);
      expect(r.suggestion).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    }
  });

  it.each([
    '',
    '   ',
    'not a url',
    'ftp://myco.cloud.databricks.com',
    'javascript:alert(1)//myco.cloud.databricks.com',
    'file:///etc/passwd',
    'https://evil.com',
    'https://myco.cloud.databricks.com.evil.com',
    'https://evil.com/.cloud.databricks.com',
    'https://evil.com?x=.cloud.databricks.com',
    'https://myco.cloud.databricks.com@evil.com',
    'https://user:pass@myco.cloud.databricks.com',
    'https://evil.com\\@myco.cloud.databricks.com',
    'https://myco.cloud.\tdatabricks.com',
    'https://my\nco.cloud.databricks.com',
    'https://myco.cloud.databricks.com\u200b',
    'https://myco.cloud.databricks.com:8443',
    'https://cloud.databricks.com',
    'https://adb-x.7.azuredatabricks.net',
    'https://adb-1.azuredatabricks.net',
    'https://foo.azuredatabricks.net',
    'https://accounts.evil.com',
    'https://xn--mco-xla.cloud.databricks.com.evil',
    'https://ｍyco.cloud.databricks.com.evil.com',
    'https://10.0.0.1',
    'http://0.0.0.0:80',
    `https://${'a'.repeat(3000)}.cloud.databricks.com`,
    '\u0000',
    '"><script>alert(1)</script>',
    "https://myco.cloud.databricks.com/'; DROP TABLE x; --",
  ])('refuses hostile or foreign input %j', (input) => {
    const r = refused(input);
    expect(r.problem.length).toBeGreaterThan(5);
    expect(r.problem.length).toBeLessThan(400);
  });

  it('normalises internationalised look-alikes to punycode and refuses them unless they are Databricks hosts', () => {
    expect(refused('https://dаtabricks.cloud.databricks.com.example').problem).toContain('xn--');
  });

  it('never throws and always yields either a normalised origin or a problem, for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (input) => {
        const r = parseWorkspaceUrl(input);
        if (r.ok) {
          expect(r.value.url).toMatch(/^https?:\/\/[^/?#\s]+$/);
          expect(parseWorkspaceUrl(r.value.url)).toEqual(r);
        } else {
          expect(typeof r.problem).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on everything it accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom('myco', 'dbc-1a2b', 'adb-12.3', '12.3'), fc.constantFrom('.cloud.databricks.com', '.azuredatabricks.net', '.gcp.databricks.com'), (a, b) => {
        const r = parseWorkspaceUrl(a + b);
        if (r.ok) expect(parseWorkspaceUrl(r.value.url)).toEqual(r);
      }),
    );
  });
});

describe('accountConsoleFor', () => {
  it('maps each cloud to its account console', () => {
    expect(accountConsoleFor('aws')).toBe('https://accounts.cloud.databricks.com');
    expect(accountConsoleFor('azure')).toBe('https://accounts.azuredatabricks.net');
    expect(accountConsoleFor('gcp')).toBe('https://accounts.gcp.databricks.com');
    expect(accountConsoleFor('local')).toBeUndefined();
  });
});
