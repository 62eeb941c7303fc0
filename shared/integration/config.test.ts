import { describe, expect, it } from 'vitest';
import { securableNameProblem } from '../sql/quote';
import { HttpPathSchema, IntegrationConfigSchema, IntegrationSettingsSchema, warehouseIdOf } from './config';
import { config } from './planner.test-support';

const base = {
  workspaceUrl: 'https://adb-1.2.azuredatabricks.net',
  httpPath: '/sql/1.0/warehouses/abc',
  catalog: 'ucbridge',
  audit: { enabled: false },
  servicePrincipal: { applicationId: '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' },
  governedCatalogs: ['HR', 'finance'],
  additionalWorkspaceConnections: [{ workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: ['Iso'] }],
};
const problems = (input: unknown) => {
  const r = IntegrationConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('IntegrationConfigSchema governedSchemas', () => {
  it('defaults to no lists, and lower-cases catalog keys and schema names (merging keys that differ only in case)', () => {
    expect(IntegrationConfigSchema.parse(base).governedSchemas).toEqual({});
    const parsed = IntegrationConfigSchema.parse({ ...base, governedSchemas: { Hr: ['Payroll'], hr: ['people'], ISO: [], finance: ["we`ird'ü"] } });
    expect(parsed.governedSchemas).toEqual({ hr: ['payroll', 'people'], iso: [], finance: ["we`ird'ü"] });
  });

  it('refuses a key that is not a governed catalog (main or additional workspace) and names UC would refuse', () => {
    expect(problems({ ...base, governedSchemas: { sales: ['x'] } })).toEqual(['governedSchemas.sales: "sales" is not a governed catalog (list it in governedCatalogs or an additional workspace\'s catalogs)']);
    expect(problems({ ...base, governedSchemas: { ucbridge: ['registry'] } })).toHaveLength(1);
    expect(problems({ ...base, governedSchemas: { hr: ['a.b', 'with space', ''] } })).toHaveLength(3);
    expect(problems({ ...base, governedSchemas: { 'h.r': [] } })[0]).toMatch(/^governedSchemas\.h\.r: The name contains "\."/);
  });

  it('refuses information_schema and a schema listed twice', () => {
    expect(problems({ ...base, governedSchemas: { hr: ['information_schema'] } })).toEqual(['governedSchemas.hr.0: information_schema cannot be granted on; leave it out']);
    expect(problems({ ...base, governedSchemas: { hr: ['payroll', 'PAYROLL'] } })).toEqual(['governedSchemas.hr.1: "payroll" is listed twice']);
  });

  it('stays optional in saved settings (the window sends none; main fills them)', () => {
    const settings = IntegrationSettingsSchema.parse({ config: base, mode: 'automatic', servicePrincipal: { displayName: 'UCBRIDGE_USER', createdByUcbridge: true, secretInVault: false } });
    expect(settings.config.governedSchemas).toEqual({});
    expect(config({ governedCatalogs: ['hr'], governedSchemas: { hr: ['default'] } }).governedSchemas).toEqual({ hr: ['default'] });
  });
});

describe('IntegrationConfigSchema manageScope and storageLocation', () => {
  it('defaults MANAGE to the catalog (Immuta\u2019s guide) and accepts "schema" as the opt-in', () => {
    expect(IntegrationConfigSchema.parse(base).manageScope).toBe('catalog');
    expect(IntegrationConfigSchema.parse({ ...base, manageScope: 'schema' }).manageScope).toBe('schema');
    expect(problems({ ...base, manageScope: 'table' })).toHaveLength(1);
  });

  it('takes an optional managed storage URL (trimmed), and refuses what is no cloud storage URL', () => {
    expect(IntegrationConfigSchema.parse(base).storageLocation).toBeUndefined();
    expect(IntegrationConfigSchema.parse({ ...base, storageLocation: ' abfss://c@acct.dfs.core.windows.net/ucb ' }).storageLocation).toBe('abfss://c@acct.dfs.core.windows.net/ucb');
    for (const bad of ['', 'bucket/path', 's3://', 's3://a b', 's3://a\nb', 's3://a\u0001b', 's3://a\u007fb', `s3://${'x'.repeat(1100)}`]) {
      expect(problems({ ...base, storageLocation: bad }).join(), bad).toMatch(/^storageLocation: managed storage location: /);
    }
  });
});

describe('IntegrationConfigSchema fields', () => {
  it('adds the leading slash an HTTP path was pasted without', () => {
    expect(HttpPathSchema.parse('sql/1.0/warehouses/abc')).toBe('/sql/1.0/warehouses/abc');
    expect(HttpPathSchema.parse('/sql/1.0/warehouses/abc')).toBe('/sql/1.0/warehouses/abc');
  });

  it('reads the warehouse id of a warehouse path only', () => {
    expect(warehouseIdOf('/sql/1.0/warehouses/abc')).toBe('abc');
    expect(warehouseIdOf('/sql/2.0/warehouses/abc')).toBe('abc');
    for (const other of ['/x/sql/1.0/warehouses/abc', '/sql/1.0/warehouses/abc/more', '/sql/protocolv1/o/1/0123-cluster', '']) {
      expect(warehouseIdOf(other), other).toBeUndefined();
    }
  });

  it('says why a catalog name is refused, in the words of the shared name rule', () => {
    const name = 'bad.name';
    const problem = securableNameProblem(name);
    expect(problem).toBeDefined();
    const r = IntegrationConfigSchema.safeParse({ ...base, governedCatalogs: [name] });
    expect(r.success ? [] : r.error.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['governedCatalogs', 0], message: problem })]);
  });

  it('answers the slip "audit": true with what to write instead, and only that slip', () => {
    expect(problems({ ...base, audit: true })).toEqual(['audit: an object, not true: write "audit": {"enabled": true}']);
    expect(problems({ ...base, audit: false })).toEqual(['audit: an object, not false: write "audit": {"enabled": false}']);
    expect(problems({ ...base, audit: 'yes' }).join()).not.toMatch(/write "audit"/);
  });

  it('refuses the integration catalog as a governed catalog, and a governed catalog listed twice (in any case)', () => {
    expect(problems({ ...base, governedCatalogs: ['hr', 'UCBRIDGE'] })).toEqual(['governedCatalogs: the integration catalog cannot also be a governed catalog']);
    expect(problems({ ...base, governedCatalogs: ['hr', 'finance', 'HR', 'hr'] })).toEqual(['governedCatalogs.2: "hr" is listed twice', 'governedCatalogs.3: "hr" is listed twice']);
    // Refinements of the schema, like its other issues: code "custom" with the path the form marks.
    const r = IntegrationConfigSchema.safeParse({ ...base, governedCatalogs: ['ucbridge', 'hr', 'hr'] });
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['custom', 'governedCatalogs'], ['custom', 'governedCatalogs.2']]);
  });

  it('reports a schema-list problem as a custom issue on its path', () => {
    const r = IntegrationConfigSchema.safeParse({ ...base, manageScope: 'schema', governedSchemas: { nope: ['a'] } });
    expect(r.success ? [] : r.error.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['governedSchemas', 'nope'] })]);
  });
});
