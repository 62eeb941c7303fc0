import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { securableNameProblem } from '../sql/quote';
import type { IntegrationConfig } from './config';
import { planSetup, planUninstall } from './planner';
import { config, rawConfig } from './planner.test-support';
import { sqlParts } from './sql-tokens.test-support';
import { workspaceHost } from './workspace-host';

/** Hostile names the config accepts for governed catalogs, and principals the planner must quote whatever they are. */
const HOSTILE_CATALOGS = ['we`ird', '``', "it's", 'dq"x', "a'b`c\\d", 'ünïcødé-漢字', '🙂emoji', '--comment', ';drop', 'x'.repeat(255)];
const HOSTILE_PRINCIPALS = ['evil`) TO `x`; DROP CATALOG main; --', "o'brien@example.com", 'data engineers', 'ü`\\`'];

const GOVERNED_SKELETON = 'GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG ? TO ?';
const REVOKE_SKELETON = 'REVOKE USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG ? FROM ?';

/** Every statement parses back into the names that went in, with nothing left over outside quotes. */
function checkPlan(c: IntegrationConfig): void {
  const setup = planSetup(c, null);
  const principal = c.servicePrincipal.applicationId;
  for (const step of [...setup.steps, ...planUninstall(c, null).steps]) {
    const parts = sqlParts(step.sql);
    // Outside quotes only keywords and punctuation remain.
    expect(parts.skeleton).toMatch(/^[A-Z ,.()?'=]+$/);
    if (/^(GRANT|REVOKE) /.test(step.sql)) expect(parts.idents.at(-1)).toBe(principal);
    if (step.id.startsWith('grant:sp:governed:') || step.id.startsWith('grant:sp:workspace:')) {
      expect(parts.skeleton).toBe(GOVERNED_SKELETON);
    }
    if (step.id.startsWith('undo:grant:sp:governed:')) expect(parts.skeleton).toBe(REVOKE_SKELETON);
    if (step.id === 'catalog' || step.id === 'undo:catalog') expect(parts.idents).toEqual([c.catalog]);
    if (step.id === 'catalog:tag') expect(parts.literals).toEqual(['ucbridge_integration', workspaceHost(c.workspaceUrl)]);
  }
  const governed = setup.steps.filter((s) => s.id.startsWith('grant:sp:governed:')).map((s) => sqlParts(s.sql).idents[0]);
  expect(governed).toEqual([...new Set(c.governedCatalogs)]);
}

describe('quoting in the plan', () => {
  it('quotes hostile governed catalog and principal names so they parse back exactly', () => {
    for (const principal of HOSTILE_PRINCIPALS) {
      const c = rawConfig(config({ governedCatalogs: HOSTILE_CATALOGS, audit: { enabled: true } }), { servicePrincipal: { applicationId: principal } });
      checkPlan(c);
    }
    const p = planSetup(config({ governedCatalogs: ['we`ird'] }), null);
    expect(p.steps.find((s) => s.id === 'grant:sp:governed:we`ird')!.sql).toBe(
      'GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `we``ird` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
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
        (governed, catalog, applicationId, workspaceUrl, extra) => {
          const c = rawConfig(config({ audit: { enabled: true } }), {
            catalog,
            governedCatalogs: governed.filter((g) => g !== catalog),
            servicePrincipal: { applicationId },
            workspaceUrl,
            additionalWorkspaceConnections: [{ workspaceUrl: 'https://b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: extra }],
          });
          checkPlan(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
