import { describe, expect, it } from 'vitest';
import { IntegrationConfigSchema } from '../../../../shared/integration/config';
import type { SqlSession } from '../../connection/types';
import { observeStatement } from './observe-query';
import { observationFromRows, observeScope, observeWorkspace } from './observe-workspace';

const config = IntegrationConfigSchema.parse({
  workspaceUrl: 'https://adb-1.2.azuredatabricks.net',
  httpPath: '/sql/1.0/warehouses/abc',
  catalog: 'ucbridge',
  audit: { enabled: false },
  servicePrincipal: { applicationId: '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' },
  manageScope: 'schema',
  governedCatalogs: ["it's`x", 'hr'],
  additionalWorkspaceConnections: [{ workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: ['iso', 'iso'] }],
});

describe('the observation statement', () => {
  it('scopes the main workspace to the integration catalog, governed catalogs and (with audit) system', () => {
    expect(observeScope(config, 'main')).toEqual({ catalogs: ['ucbridge', "it's`x", 'hr'], governedCatalogs: ["it's`x", 'hr'], integrationCatalog: 'ucbridge', audit: false, principal: config.servicePrincipal.applicationId });
    expect(observeScope({ ...config, audit: { enabled: true } }, 'main').catalogs).toContain('system');
    expect(observeScope(config, 'b.example.com')).toMatchObject({ catalogs: ['iso'], integrationCatalog: null, audit: false });
  });

  it('quotes names as literals and never writes an empty IN list', () => {
    for (const scope of [observeScope(config, 'main'), observeScope({ ...config, audit: { enabled: true } }, 'main'), observeScope(config, 'b.example.com')]) {
      const sql = observeStatement(scope);
      expect(sql).not.toMatch(/IN \(\)/);
      if (scope.integrationCatalog !== null) expect(sql).toContain("'it\\'s`x'");
    }
    expect(observeStatement(observeScope(config, 'b.example.com'))).not.toMatch(/volumes|catalog_tags/);
    // With MANAGE per schema of a governed catalog, those grants are read too; with MANAGE on the catalog, not.
    expect(observeScope({ ...config, manageScope: 'catalog' }, 'main').governedCatalogs).toEqual([]);
    const schemaReads = (c: typeof config) => observeStatement(observeScope(c, 'main')).match(/schema_privileges/g)!.length;
    expect(schemaReads({ ...config, manageScope: 'catalog' })).toBe(schemaReads(config) - 1);
    expect(observeStatement(observeScope(config, 'main'))).toContain("schema_privileges WHERE grantee = '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' AND coalesce(inherited_from, 'NONE') = 'NONE' AND catalog_name IN ('it\\'s`x', 'hr')");
    expect(observeStatement(observeScope(config, 'b.example.com'))).toContain("schema_privileges WHERE grantee = '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' AND coalesce(inherited_from, 'NONE') = 'NONE' AND catalog_name IN ('iso')");
  });

  it('does not query for a workspace the config does not name', async () => {
    const session: SqlSession = { httpPath: '/x', execute: () => Promise.reject(new Error('no query expected')), stream: () => { throw new Error('no'); }, close: async () => undefined };
    const observed = await observeWorkspace(session, config, { names: [], metastoreAdmin: true }, undefined, 'unknown.example.com');
    expect(observed.targets['unknown.example.com']).toEqual({ catalogs: [], schemas: [], tables: [], volumes: [], grants: [] });
  });

  it('assembles rows into an observation: tags onto catalogs, privileges per securable in one spelling', () => {
    const o = observationFromRows([
      { kind: 'catalog', a: 'ucbridge', b: 'me', c: null, d: null },
      { kind: 'tag', a: 'ucbridge', b: 'adb-1.2.azuredatabricks.net', c: null, d: null },
      { kind: 'schema', a: 'ucbridge', b: 'policies', c: null, d: null },
      { kind: 'catalog_privilege', a: 'hr', b: null, c: null, d: 'USE_CATALOG' },
      { kind: 'catalog_privilege', a: 'hr', b: null, c: null, d: 'MANAGE' },
      { kind: 'table_privilege', a: 'system', b: 'query', c: 'history', d: 'SELECT' },
    ]);
    expect(o).toEqual({
      catalogs: [{ name: 'ucbridge', owner: 'me', integrationTag: 'adb-1.2.azuredatabricks.net' }],
      schemas: [['ucbridge', 'policies']],
      tables: [],
      volumes: [],
      grants: [
        { securable: 'CATALOG', name: ['hr'], privileges: ['USE CATALOG', 'MANAGE'] },
        { securable: 'TABLE', name: ['system', 'query', 'history'], privileges: ['SELECT'] },
      ],
    });
  });
});
