import { describe, expect, it } from 'vitest';
import { AddedGrantsSchema, mergeAdded, privilegesToAdd, revocableGrantDrafts, type AddedGrant } from './added-grants';
import { emptyTargetObservation, type ObservedState, type TargetObservation } from './observed-state';
import { CONFIGS, config } from './planner.test-support';

/**
 * What uninstall may revoke: only the privileges a set-up added. A privilege the service principal held before
 * set-up must survive uninstall, so the record must leave it out; and a re-apply must not forget what the first
 * run added.
 */

const audited = config({ audit: { enabled: true }, governedCatalogs: ['hr'] });
const B = 'workspace-b.cloud.databricks.com';
const C = 'workspace-c.cloud.databricks.com';

const observed = (targets: Record<string, TargetObservation>): ObservedState => ({ targets, at: 1 });
const holding = (grants: TargetObservation['grants']): TargetObservation => ({ ...emptyTargetObservation(), grants });

describe('revocableGrantDrafts', () => {
  it('lists the grants outside the integration catalog (governed and system), not the catalog itself nor the grants that go with its DROP', () => {
    expect(revocableGrantDrafts(audited).map((d) => d.id)).toEqual([
      'grant:sp:governed:hr',
      'grant:sp:system:catalog',
      'grant:sp:system:schema:access',
      'grant:sp:system:schema:query',
      'grant:sp:system:table:access.audit',
      'grant:sp:system:table:access.table_lineage',
      'grant:sp:system:table:access.column_lineage',
      'grant:sp:system:table:query.history',
    ]);
    expect(revocableGrantDrafts(audited).every((d) => d.check.kind === 'grant' && d.inverse !== null)).toBe(true);
  });

  it('includes the additional workspaces\' catalogs and the MANAGE per schema grants, each on its own target', () => {
    const drafts = revocableGrantDrafts(CONFIGS['additional workspaces']!);
    expect(drafts.map((d) => [d.target, d.check.securable, d.check.name.join('.')])).toEqual([
      ['main', 'CATALOG', 'main_sales'],
      ['main', 'SCHEMA', 'main_sales.orders'],
      [B, 'CATALOG', 'isolated_catalog1'],
      [C, 'CATALOG', 'isolated_catalog2'],
      [C, 'SCHEMA', 'isolated_catalog2.raw'],
      [C, 'CATALOG', 'isolated_catalog3'],
      [C, 'SCHEMA', 'isolated_catalog3.raw'],
      [C, 'SCHEMA', 'isolated_catalog3.curated'],
    ]);
  });
});

describe('privilegesToAdd', () => {
  it('offline (nothing observed): every revocable grant adds all its privileges, with its step, target, securable and name', () => {
    const added = privilegesToAdd(audited, null);
    expect(added).toHaveLength(8);
    expect(added[0]).toEqual({
      stepId: 'grant:sp:governed:hr',
      target: 'main',
      securable: 'CATALOG',
      name: ['hr'],
      privileges: ['USE CATALOG', 'USE SCHEMA', 'SELECT', 'MODIFY', 'MANAGE'],
    });
    expect(added.at(-1)).toEqual({
      stepId: 'grant:sp:system:table:query.history',
      target: 'main',
      securable: 'TABLE',
      name: ['system', 'query', 'history'],
      privileges: ['SELECT'],
    });
    expect(AddedGrantsSchema.safeParse(added).success).toBe(true);
  });

  it('leaves out what the service principal already holds, and a step whose privileges are all held', () => {
    const o = observed({
      main: holding([
        { securable: 'CATALOG', name: ['hr'], privileges: ['USE CATALOG', 'SELECT'] },
        { securable: 'CATALOG', name: ['system'], privileges: ['USE CATALOG'] },
        // A grant on another securable with the same name does not count.
        { securable: 'SCHEMA', name: ['system', 'access'], privileges: [] },
        { securable: 'CATALOG', name: ['access'], privileges: ['USE SCHEMA'] },
      ]),
    });
    const added = privilegesToAdd(audited, o);
    expect(added.map((g) => g.stepId)).not.toContain('grant:sp:system:catalog');
    expect(added.find((g) => g.stepId === 'grant:sp:governed:hr')?.privileges).toEqual(['USE SCHEMA', 'MODIFY', 'MANAGE']);
    expect(added.find((g) => g.stepId === 'grant:sp:system:schema:access')?.privileges).toEqual(['USE SCHEMA']);
    expect(added).toHaveLength(7);
  });

  it('ALL PRIVILEGES held covers all but MANAGE, so only MANAGE is added', () => {
    const o = observed({ main: holding([{ securable: 'CATALOG', name: ['hr'], privileges: ['ALL PRIVILEGES'] }]) });
    expect(privilegesToAdd(audited, o)[0]).toMatchObject({ stepId: 'grant:sp:governed:hr', privileges: ['MANAGE'] });
  });

  it('a target not observed counts as holding nothing; an observed one is read on its own target', () => {
    const c = CONFIGS['additional workspaces']!;
    const all = (n: string) => ({ securable: 'CATALOG' as const, name: [n], privileges: ['USE CATALOG', 'USE SCHEMA', 'SELECT', 'MODIFY'] });
    // The main workspace holds isolated_catalog1's privileges, but that catalog's grant runs on workspace B.
    const o = observed({ main: holding([all('main_sales'), all('isolated_catalog1')]), [C]: holding([all('isolated_catalog2')]) });
    expect(privilegesToAdd(c, o).map((g) => `${g.target} ${g.name.join('.')} ${g.privileges.join(',')}`)).toEqual([
      'main main_sales.orders MANAGE',
      `${B} isolated_catalog1 USE CATALOG,USE SCHEMA,SELECT,MODIFY`,
      `${C} isolated_catalog2.raw MANAGE`,
      `${C} isolated_catalog3 USE CATALOG,USE SCHEMA,SELECT,MODIFY`,
      `${C} isolated_catalog3.raw MANAGE`,
      `${C} isolated_catalog3.curated MANAGE`,
    ]);
  });

  it('a re-apply after a full set-up adds nothing', () => {
    const o = observed({
      main: holding(revocableGrantDrafts(audited).map((d) => ({ securable: d.check.securable, name: [...d.check.name], privileges: [...d.check.privileges] }))),
    });
    expect(privilegesToAdd(audited, o)).toEqual([]);
  });
});

describe('mergeAdded', () => {
  const g = (stepId: string, target: string, privileges: string[]): AddedGrant => ({ stepId, target, securable: 'CATALOG', name: ['hr'], privileges });

  it('without an earlier record, the record is what this run added', () => {
    const added = [g('grant:sp:governed:hr', 'main', ['SELECT'])];
    expect(mergeAdded(null, added)).toEqual(added);
    expect(mergeAdded(null, [])).toEqual([]);
  });

  it('a re-apply that adds nothing keeps the earlier record', () => {
    const prior = [g('grant:sp:governed:hr', 'main', ['SELECT', 'MODIFY']), g('grant:sp:system:catalog', 'main', ['USE CATALOG'])];
    expect(mergeAdded(prior, [])).toEqual(prior);
  });

  it('the same step on the same target: one entry with both runs\' privileges, each once, earlier ones first', () => {
    const prior = [g('grant:sp:governed:hr', 'main', ['SELECT', 'MODIFY'])];
    const merged = mergeAdded(prior, [g('grant:sp:governed:hr', 'main', ['MODIFY', 'MANAGE'])]);
    expect(merged).toEqual([g('grant:sp:governed:hr', 'main', ['SELECT', 'MODIFY', 'MANAGE'])]);
  });

  it('different steps, or the same step id on different targets, stay separate entries', () => {
    const prior = [g('grant:sp:governed:hr', 'main', ['SELECT'])];
    const merged = mergeAdded(prior, [g('grant:sp:governed:hr', B, ['MANAGE']), g('grant:sp:system:catalog', 'main', ['USE CATALOG'])]);
    expect(merged).toEqual([
      g('grant:sp:governed:hr', 'main', ['SELECT']),
      g('grant:sp:governed:hr', B, ['MANAGE']),
      g('grant:sp:system:catalog', 'main', ['USE CATALOG']),
    ]);
  });
});
