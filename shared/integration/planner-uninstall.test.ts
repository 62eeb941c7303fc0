import { describe, expect, it } from 'vitest';
import type { AddedGrant } from './added-grants';
import { convergedObservation } from './observed.test-support';
import { NO_RECORD_WARNING, planSetup, planUninstall, uninstallFromDrafts } from './planner';
import { config, rawConfig, SP } from './planner.test-support';
import type { StepDraft } from './step-check';

/** Uninstall revokes what set-up added and nothing else; when it cannot know, it says so. */

const audited = config({ audit: { enabled: true }, governedCatalogs: ['hr'] });
const rec = (stepId: string, privileges: string[], target = 'main'): AddedGrant => ({ stepId, target, securable: 'CATALOG', name: ['x'], privileges });
const revokes = (p: ReturnType<typeof planUninstall>) => p.steps.filter((s) => s.sql.startsWith('REVOKE ')).map((s) => [s.id, s.sql]);

describe('planUninstall with a record of what set-up added', () => {
  it('revokes, per step, only the recorded privileges recorded for that step on that workspace', () => {
    const added = [
      rec('grant:sp:governed:hr', ['MODIFY', 'MANAGE', 'NOT_GRANTED_BY_IT']),
      rec('grant:sp:system:schema:access', ['USE SCHEMA']),
      // Recorded for another workspace: says nothing about the main one.
      rec('grant:sp:system:catalog', ['USE CATALOG'], 'https://elsewhere.example.com'),
    ];
    expect(revokes(planUninstall(audited, convergedObservation(audited), added))).toEqual([
      ['undo:grant:sp:system:schema:access', `REVOKE USE SCHEMA ON SCHEMA \`system\`.\`access\` FROM \`${SP}\``],
      ['undo:grant:sp:governed:hr', `REVOKE MODIFY, MANAGE ON CATALOG \`hr\` FROM \`${SP}\``],
    ]);
  });

  it('an empty record revokes nothing and still drops the catalog, without the no-record warning', () => {
    const p = planUninstall(audited, convergedObservation(audited), []);
    expect(p.steps.map((s) => s.sql)).toEqual(['DROP CATALOG IF EXISTS `ucbridge` CASCADE']);
    expect(p.warnings).toBeUndefined();
  });

  it('a record naming a grant inside the integration catalog adds no REVOKE: the catalog\u2019s DROP removes it', () => {
    const added = [rec('grant:sp:integration:catalog', ['USE CATALOG', 'SELECT']), rec('grant:sp:integration:schema:policies', ['EXECUTE'])];
    expect(revokes(planUninstall(audited, null, added))).toEqual([]);
  });
});

describe('planUninstall without a record', () => {
  it('against an observed workspace: revokes every privilege the set-up grants, and warns that pre-existing ones go too', () => {
    const p = planUninstall(audited, convergedObservation(audited));
    expect(revokes(p)).toHaveLength(8);
    expect(p.warnings).toEqual([NO_RECORD_WARNING]);
  });

  it('offline (the exported uninstall.sql, whose header says it instead) or with nothing to revoke: no warning', () => {
    expect(planUninstall(audited, null).warnings).toBeUndefined();
    const minimal = config();
    const p = planUninstall(minimal, convergedObservation(minimal));
    expect(revokes(p)).toEqual([]);
    expect(p.warnings).toBeUndefined();
  });
});

describe('step ids stay unique (resume keys the journal on them)', () => {
  it('a config that skipped validation with one workspace listed twice for a catalog is refused, naming the id', () => {
    const w = { workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: ['iso'] };
    const twice = rawConfig(config(), { additionalWorkspaceConnections: [w, w] });
    for (const plan of [() => planSetup(twice, null), () => planUninstall(twice, null)]) {
      expect(plan).toThrow(
        expect.objectContaining({ error: expect.objectContaining({ code: 'BAD_REQUEST', message: 'Two plan steps would share the id "grant:sp:workspace:b.example.com:governed:iso"; check the catalogs listed in the config.' }) }),
      );
    }
  });
});

describe('uninstallFromDrafts', () => {
  const draft = (id: string, dependsOn: string[], inverse: string | null, check: StepDraft['check'] = { kind: 'catalog', catalog: id }): StepDraft => ({
    id, sql: `DO ${id}`, purpose: `Create ${id}: the thing`, dependsOn, inverse, target: 'main', check,
  });

  it('says what each undo does: the catalog\u2019s drop, a grant\u2019s revoke, any other step\u2019s own purpose as an undo', () => {
    const p = uninstallFromDrafts(
      [
        draft('cat', [], 'DROP CAT'),
        draft('Schema', ['cat'], 'DROP SCHEMA', { kind: 'schema', name: ['cat', 'schema'] }),
        draft('g', ['cat'], 'REVOKE G', { kind: 'grant', securable: 'SCHEMA', name: ['cat', 'schema'], privileges: ['USE SCHEMA', 'EXECUTE'] }),
      ],
      null,
    );
    expect(p.steps.map((s) => s.purpose)).toEqual([
      'Revoke from the service principal USE SCHEMA, EXECUTE on schema cat.schema',
      'Undo: create Schema: the thing',
      'Drop the integration catalog cat and everything in it (schemas, tables, volume, policy functions, grants)',
    ]);
  });

  it('refuses two drafts with one id', () => {
    expect(() => uninstallFromDrafts([draft('a', [], 'UNDO a'), draft('a', [], 'UNDO a')], null)).toThrow(/Two plan steps would share the id "a"/);
  });

  it('looks through each step without an inverse once: a deep lattice of them plans at once', () => {
    // 40 layers of two steps, each depending on both of the layer before: 2^40 paths from the root.
    const drafts = [draft('root', [], 'UNDO root')];
    let prev = ['root'];
    for (let i = 0; i < 40; i++) {
      const layer = [`l${i}a`, `l${i}b`];
      for (const id of layer) drafts.push(draft(id, prev, null));
      prev = layer;
    }
    drafts.push(draft('leaf', prev, 'UNDO leaf'));
    const started = Date.now();
    const p = uninstallFromDrafts(drafts, null);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(p.steps.map((s) => [s.id, s.dependsOn])).toEqual([
      ['undo:leaf', []],
      ['undo:root', ['undo:leaf']],
    ]);
  });
});
