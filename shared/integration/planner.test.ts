import { describe, expect, it } from 'vitest';
import { PlanSchema } from './plan-types';
import { planSetup, planUninstall, uninstallFromDrafts } from './planner';
import type { StepDraft } from './step-check';
import { CONFIGS, config } from './planner.test-support';
import { setupSteps } from './setup-steps';

const view = (p: ReturnType<typeof planSetup>) => ({
  kind: p.kind,
  hash: p.hash,
  steps: p.steps.map((s) => `${s.id} [${s.target}] after(${s.dependsOn.join(', ')}) ${s.action}\n  ${s.sql}\n  -- ${s.purpose}\n  undo: ${s.inverse ?? '(none)'}`),
});

describe('planSetup / planUninstall', () => {
  for (const [name, c] of Object.entries(CONFIGS)) {
    it(`plans ${name} (snapshot)`, () => {
      const setup = planSetup(c, null);
      const uninstall = planUninstall(c, null);
      expect(PlanSchema.parse(setup)).toEqual(setup);
      expect(PlanSchema.parse(uninstall)).toEqual(uninstall);
      expect({ setup: view(setup), uninstall: view(uninstall) }).toMatchSnapshot();
    });
  }

  it('offline, every set-up step is create; steps are ordered after their dependencies and ids are unique', () => {
    const p = planSetup(CONFIGS['additional workspaces']!, null);
    expect(new Set(p.steps.map((s) => s.action))).toEqual(new Set(['create']));
    const seen = new Set<string>();
    for (const s of p.steps) {
      for (const d of s.dependsOn) expect(seen.has(d), `${s.id} after ${d}`).toBe(true);
      expect(seen.has(s.id)).toBe(false);
      seen.add(s.id);
    }
  });

  it('by default grants each governed catalog the guide\u2019s privileges, MANAGE included, directly on the catalog; never ownership or CREATE CATALOG', () => {
    const c = CONFIGS['audit on, two governed catalogs']!;
    expect(c.manageScope).toBe('catalog');
    const p = planSetup(c, null);
    const sql = (id: string) => p.steps.find((s) => s.id === id)!.sql;
    expect(sql('grant:sp:governed:hr')).toBe('GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `hr` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`');
    expect(p.steps.filter((s) => /\bMANAGE\b/.test(s.sql)).map((s) => s.id)).toEqual(['grant:sp:governed:hr', 'grant:sp:governed:finance']);
    for (const s of p.steps) expect(s.sql).not.toMatch(/OWNER|CREATE CATALOG ON|ALL PRIVILEGES|METASTORE/);
    const undo = planUninstall(c, null).steps.find((s) => s.id === 'undo:grant:sp:governed:finance')!;
    expect(undo.sql).toBe('REVOKE USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `finance` FROM `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`');
    // No schema list is needed, and one given is not used.
    expect(planSetup(config({ governedCatalogs: ['hr'], governedSchemas: { hr: ['payroll'] } }), null).steps.filter((s) => s.sql.includes('SCHEMA `hr`'))).toEqual([]);
    expect(p.steps.filter((s) => s.id.startsWith('grant:sp:system:')).map((s) => s.sql.replace(/ TO .*/, ''))).toEqual([
      'GRANT USE CATALOG ON CATALOG `system`',
      'GRANT USE SCHEMA ON SCHEMA `system`.`access`',
      'GRANT USE SCHEMA ON SCHEMA `system`.`query`',
      'GRANT SELECT ON TABLE `system`.`access`.`audit`',
      'GRANT SELECT ON TABLE `system`.`access`.`table_lineage`',
      'GRANT SELECT ON TABLE `system`.`access`.`column_lineage`',
      'GRANT SELECT ON TABLE `system`.`query`.`history`',
    ]);
    expect(planSetup(config(), null).steps.some((s) => s.id.startsWith('grant:sp:system:'))).toBe(false);
  });

  it('with manageScope "schema" grants MANAGE per listed schema and never on a governed catalog', () => {
    const c = CONFIGS['MANAGE per schema, managed storage']!;
    const p = planSetup(c, null);
    const sql = (id: string) => p.steps.find((s) => s.id === id)!.sql;
    expect(sql('grant:sp:governed:hr')).toBe('GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY ON CATALOG `hr` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`');
    expect(sql('grant:sp:governed:hr:schema:default')).toBe('GRANT MANAGE ON SCHEMA `hr`.`default` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`');
    expect(p.steps.filter((s) => /\bMANAGE\b/.test(s.sql)).map((s) => s.id)).toEqual([
      'grant:sp:governed:hr:schema:default',
      'grant:sp:governed:hr:schema:payroll',
      'grant:sp:governed:finance:schema:ledger',
    ]);
    for (const s of p.steps) expect(s.sql).not.toMatch(/MANAGE[^`]* ON CATALOG/);
    const undo = planUninstall(c, null).steps.find((s) => s.id === 'undo:grant:sp:governed:finance:schema:ledger')!;
    expect(undo.sql).toBe('REVOKE MANAGE ON SCHEMA `finance`.`ledger` FROM `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`');
    // A governed catalog without a schema list gets no MANAGE at all (the export refuses such a config).
    expect(planSetup(config({ manageScope: 'schema', governedCatalogs: ['hr'] }), null).steps.filter((s) => s.sql.includes('MANAGE'))).toEqual([]);
  });

  it('creates the integration catalog with its managed location when one is given, quoted as a literal', () => {
    const sql = planSetup(CONFIGS['MANAGE per schema, managed storage']!, null).steps[0]!.sql;
    expect(sql).toMatch(/^CREATE CATALOG IF NOT EXISTS `ucbridge` MANAGED LOCATION 's3:\/\/ucb-managed\/it\\'s-here' COMMENT '/);
    expect(planSetup(config(), null).steps[0]!.sql).not.toContain('MANAGED LOCATION');
  });

  it('targets additional workspaces\u2019 catalogs at their workspace URL', () => {
    const p = planSetup(CONFIGS['additional workspaces']!, null);
    const extra = p.steps.filter((s) => s.target !== 'main');
    expect(extra.map((s) => [s.target, s.sql.match(/ON (?:CATALOG|SCHEMA) ([^ ]+)/)?.[1]])).toEqual([
      ['workspace-b.cloud.databricks.com', '`isolated_catalog1`'],
      ['workspace-c.cloud.databricks.com', '`isolated_catalog2`'],
      ['workspace-c.cloud.databricks.com', '`isolated_catalog2`.`raw`'],
      ['workspace-c.cloud.databricks.com', '`isolated_catalog3`'],
      ['workspace-c.cloud.databricks.com', '`isolated_catalog3`.`raw`'],
      ['workspace-c.cloud.databricks.com', '`isolated_catalog3`.`curated`'],
    ]);
    expect(extra.find((s) => s.sql.includes('`isolated_catalog3`.`raw`'))!.id).toBe('grant:sp:workspace:workspace-c.cloud.databricks.com:governed:isolated_catalog3:schema:raw');
  });

  it('uninstall is the set-up inverses in reverse order, with dependencies reversed', () => {
    const c = CONFIGS['everything, upper-case names lowered']!;
    const setup = planSetup(c, null);
    const uninstall = planUninstall(c, null);
    const withInverse = setup.steps.filter((s) => s.inverse !== null);
    expect(uninstall.steps.map((s) => s.sql)).toEqual(withInverse.reverse().map((s) => s.inverse));
    expect(uninstall.steps.map((s) => s.id)).toEqual(setup.steps.filter((s) => s.inverse !== null).reverse().map((s) => `undo:${s.id}`));
    expect(uninstall.steps.at(-1)!.sql).toBe('DROP CATALOG IF EXISTS `ucb_prod` CASCADE');
    // Every uninstall dependency points at an earlier step: reversed, it is still a valid order.
    const ids = uninstall.steps.map((s) => s.id);
    uninstall.steps.forEach((s, i) => s.dependsOn.forEach((d) => expect(ids.indexOf(d)).toBeLessThan(i)));
  });

  it('an uninstall step waits for the undo of every step that depended on its set-up step, looking through steps with no inverse', () => {
    const draft = (id: string, dependsOn: string[], inverse: string | null): StepDraft => ({
      id, sql: `DO ${id}`, purpose: id, dependsOn, inverse, target: 'main', check: { kind: 'catalog', catalog: id },
    });
    // a <- b (no inverse) <- c ; a <- d ; c <- e (no inverse)
    const drafts = [draft('a', [], 'UNDO a'), draft('b', ['a'], null), draft('c', ['b'], 'UNDO c'), draft('d', ['a'], 'UNDO d'), draft('e', ['c'], null)];
    const p = uninstallFromDrafts(drafts, null);
    expect(p.steps.map((s) => [s.id, s.sql, s.dependsOn])).toEqual([
      ['undo:d', 'UNDO d', []],
      ['undo:c', 'UNDO c', []],
      ['undo:a', 'UNDO a', ['undo:c', 'undo:d']],
    ]);
    expect(p.steps.every((s) => s.inverse === null)).toBe(true);
  });

  it('is deterministic, and the hash follows the statements, not the marks', () => {
    const c = CONFIGS['audit on, two governed catalogs']!;
    expect(planSetup(c, null)).toEqual(planSetup(c, null));
    expect(planSetup(c, null).hash).toMatch(/^[0-9a-f]{64}$/);
    expect(planSetup(c, null).hash).not.toBe(planSetup(config({ audit: { enabled: true }, governedCatalogs: ['hr'] }), null).hash);
    expect(planSetup(c, { targets: {}, at: 1 }).hash).toBe(planSetup(c, null).hash);
    expect(planUninstall(c, null).hash).not.toBe(planSetup(c, null).hash);
  });

  it('keeps step ids within the schema\u2019s 512 characters for the longest names, still unique', () => {
    const long = 'c'.repeat(255);
    const c = config({
      additionalWorkspaceConnections: [
        { workspaceUrl: `https://${'w'.repeat(300)}.example.com`, httpPath: '/sql/1.0/warehouses/1', catalogs: [long, `${long.slice(1)}d`] },
      ],
    });
    for (const p of [planSetup(c, null), planUninstall(c, null)]) {
      expect(() => PlanSchema.parse(p)).not.toThrow();
      expect(new Set(p.steps.map((s) => s.id)).size).toBe(p.steps.length);
    }
  });
});

describe('planUninstall with the record of what set-up added', () => {
  it('revokes only the recorded privileges of the recorded step on its target, and nothing that was held before', () => {
    const c = config({ governedCatalogs: ['hr'] });
    const grants = setupSteps(c).filter((s) => s.check.kind === 'grant' && s.inverse !== null);
    const chosen = grants.find((s) => s.check.kind === 'grant' && s.check.privileges.length >= 2)!;
    const kept = chosen.check.kind === 'grant' ? chosen.check.privileges.slice(0, 1) : [];
    const added = [
      { stepId: chosen.id, target: chosen.target, securable: 'CATALOG' as const, name: ['x'], privileges: [...kept, 'NOT_GRANTED_BY_IT'] },
      // The same step id on another workspace says nothing about this one.
      ...grants.filter((s) => s !== chosen).map((s) => ({ stepId: s.id, target: 'https://elsewhere.example.com', securable: 'CATALOG' as const, name: ['x'], privileges: s.check.kind === 'grant' ? [...s.check.privileges] : [] })),
    ];
    const plan = planUninstall(c, null, added);
    const revokes = plan.steps.filter((s) => s.sql.startsWith('REVOKE '));
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.id).toBe(`undo:${chosen.id}`);
    expect(revokes[0]!.sql).toMatch(new RegExp(`^REVOKE ${kept[0]} ON `));
    expect(revokes[0]!.purpose).toBe(`Revoke from the service principal ${kept[0]} on ${chosen.check.kind === 'grant' ? `${chosen.check.securable.toLowerCase()} ${chosen.check.name.join('.')}` : ''}`);
    expect(plan.warnings ?? []).toEqual([]);
  });
});
