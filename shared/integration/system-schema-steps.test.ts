import { describe, expect, it } from 'vitest';
import { needsSystemSchema, systemSchemaSteps } from './system-schema-steps';

/** Enabling the query-audit system schemas is a REST call (SystemSchemas API), made as a plan step by a metastore admin. */
describe('systemSchemaSteps', () => {
  const metastore = (installerIsAdmin: boolean) => ({ targets: {}, at: 0, metastore: { id: 'm/1', installerIsAdmin, enabledSystemSchemas: ['query'] } });

  it('a metastore admin with audit on: one PUT per schema on the main workspace, unchanged where enabled, nothing to undo', () => {
    const call = (schema: string) => ({ method: 'PUT', path: `/api/2.1/unity-catalog/metastores/m%2F1/systemschemas/${schema}`, body: {} });
    expect(systemSchemaSteps(true, metastore(true))).toEqual(
      (['access', 'query'] as const).map((schema) => ({
        id: `system-schema:${schema}`,
        sql: `PUT /api/2.1/unity-catalog/metastores/m%2F1/systemschemas/${schema}`,
        purpose: `Enable the system schema system.${schema} for query audit (a REST call: no SQL statement enables a system schema)`,
        dependsOn: [],
        inverse: null,
        action: schema === 'query' ? 'unchanged' : 'create',
        target: 'main',
        rest: call(schema),
      })),
    );
  });

  it('none with audit off, offline, or when the installer is no metastore admin (setup.sql lists the calls instead)', () => {
    expect(systemSchemaSteps(false, metastore(true))).toEqual([]);
    expect(systemSchemaSteps(true, null)).toEqual([]);
    expect(systemSchemaSteps(true, metastore(false))).toEqual([]);
  });
});

describe('needsSystemSchema', () => {
  it('the grants on system.<schema> and its tables wait for that schema; no other step does', () => {
    expect(
      ['grant:sp:system:schema:access', 'grant:sp:system:table:access.audit', 'grant:sp:system:schema:query', 'grant:sp:system:table:query.history'].map(needsSystemSchema),
    ).toEqual(['access', 'access', 'query', 'query']);
    for (const id of ['grant:sp:system:catalog', 'grant:sp:governed:hr', 'grant:sp:system:table:queryx.history', 'catalog']) expect(needsSystemSchema(id), id).toBeUndefined();
  });
});
