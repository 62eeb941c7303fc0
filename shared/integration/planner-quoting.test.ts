import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../test/property-runs';
import { securableNameProblem } from '../sql/quote';
import type { IntegrationConfig } from './config';
import { planSetup, planUninstall } from './planner';
import { config, rawConfig } from './planner.test-support';
import { sqlParts } from './sql-tokens.test-support';
import { workspaceHost } from './workspace-host';

/** Hostile names the config accepts for governed catalogs, and principals the planner must quote whatever they are. */
const HOSTILE_CATALOGS = ['we`ird', '``', "it's", 'dq"x', "a'b`c\\d", 'ünïcødé-漢字', '🙂emoji', '--comment', ';drop', 'x'.repeat(255)];
const HOSTILE_SCHEMAS = ['s`x', "o'k", '"dq"', '\\back', '漢字-ü', '--', ';x', 'default'];
const HOSTILE_PRINCIPALS = ['evil`) TO `x`; DROP CATALOG main; --', "o'brien@example.com", 'data engineers', 'ü`\\`'];

const catalogPrivileges = (c: IntegrationConfig) => `USE CATALOG, USE SCHEMA, SELECT, MODIFY${c.manageScope === 'catalog' ? ', MANAGE' : ''}`;
const governedSkeleton = (c: IntegrationConfig) => `GRANT ${catalogPrivileges(c)} ON CATALOG ? TO ?`;
const revokeSkeleton = (c: IntegrationConfig) => `REVOKE ${catalogPrivileges(c)} ON CATALOG ? FROM ?`;
const SCHEMA_SKELETON = 'GRANT MANAGE ON SCHEMA ?.? TO ?';
const SCHEMA_REVOKE_SKELETON = 'REVOKE MANAGE ON SCHEMA ?.? FROM ?';

/** Every statement parses back into the names that went in, with nothing left over outside quotes. */
function checkPlan(c: IntegrationConfig): void {
  const setup = planSetup(c, null);
  const principal = c.servicePrincipal.applicationId;
  for (const step of [...setup.steps, ...planUninstall(c, null).steps]) {
    const parts = sqlParts(step.sql);
    // Outside quotes only keywords and punctuation remain.
    expect(parts.skeleton).toMatch(/^[A-Z ,.()?'=]+$/);
    if (/^(GRANT|REVOKE) /.test(step.sql)) expect(parts.idents.at(-1)).toBe(principal);
    const governedStep = /^(undo:)?grant:sp:(governed|workspace):/.test(step.id);
    if (governedStep) {
      const undo = step.id.startsWith('undo:');
      // MANAGE per schema (opted in) as `catalog`.`schema` with both parts exactly as configured.
      if (parts.skeleton.includes('ON SCHEMA')) {
        expect(c.manageScope).toBe('schema');
        expect(parts.skeleton).toBe(undo ? SCHEMA_REVOKE_SKELETON : SCHEMA_SKELETON);
        const [catalog, schema] = parts.idents;
        expect(c.governedSchemas[catalog!]).toContain(schema);
      } else {
        expect(parts.skeleton).toBe(undo ? revokeSkeleton(c) : governedSkeleton(c));
      }
    }
    if (step.id === 'catalog' || step.id === 'undo:catalog') expect(parts.idents).toEqual([c.catalog]);
    if (step.id === 'catalog:tag') expect(parts.literals).toEqual(['ucbridge_integration', workspaceHost(c.workspaceUrl)]);
  }
  const governed = setup.steps.filter((s) => s.id.startsWith('grant:sp:governed:')).map((s) => sqlParts(s.sql).idents);
  expect(governed).toEqual(
    [...new Set(c.governedCatalogs)].flatMap((g) => [[g, principal], ...(c.manageScope === 'schema' ? [...new Set(c.governedSchemas[g] ?? [])].map((s) => [g, s, principal]) : [])]),
  );
}

describe('quoting in the plan', () => {
  it('quotes hostile governed catalog and principal names so they parse back exactly', () => {
    for (const principal of HOSTILE_PRINCIPALS) {
      for (const manageScope of ['catalog', 'schema'] as const) {
        const governedSchemas = Object.fromEntries(HOSTILE_CATALOGS.map((g) => [g, HOSTILE_SCHEMAS]));
        const c = rawConfig(config({ governedCatalogs: HOSTILE_CATALOGS, governedSchemas, manageScope, storageLocation: "s3://b/'`--;x", audit: { enabled: true } }), { servicePrincipal: { applicationId: principal } });
        checkPlan(c);
      }
    }
    expect(sqlParts(planSetup(config({ storageLocation: "s3://b/'`--;x" }), null).steps[0]!.sql).literals[0]).toBe("s3://b/'`--;x");
    const p = planSetup(config({ manageScope: 'schema', governedCatalogs: ['we`ird'], governedSchemas: { 'we`ird': ["o'k`s"] } }), null);
    expect(p.steps.find((s) => s.id === 'grant:sp:governed:we`ird')!.sql).toBe(
      'GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY ON CATALOG `we``ird` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
    );
    expect(p.steps.find((s) => s.id === "grant:sp:governed:we`ird:schema:o'k`s")!.sql).toBe(
      "GRANT MANAGE ON SCHEMA `we``ird`.`o'k``s` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`",
    );
  });

  it('for arbitrary valid names, every statement\u2019s identifiers and literals round-trip (property)', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => securableNameProblem(s) === undefined);
    const principal = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 4 }),
        name,
        principal,
        fc.string({ maxLength: 80 }),
        fc.uniqueArray(name, { minLength: 1, maxLength: 2 }),
        fc.uniqueArray(name, { maxLength: 3 }),
        fc.constantFrom('catalog' as const, 'schema' as const),
        (governed, catalog, applicationId, workspaceUrl, extra, schemas, manageScope) => {
          const c = rawConfig(config({ audit: { enabled: true } }), {
            manageScope,
            catalog,
            governedCatalogs: governed.filter((g) => g !== catalog),
            governedSchemas: Object.fromEntries([...governed, ...extra].map((g) => [g, schemas])),
            servicePrincipal: { applicationId },
            workspaceUrl,
            additionalWorkspaceConnections: [{ workspaceUrl: 'https://b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: extra }],
          });
          checkPlan(c);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
