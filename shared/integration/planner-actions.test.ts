import { describe, expect, it } from 'vitest';
import type { ObservedState, TargetObservation } from './observed-state';
import { convergedObservation } from './observed.test-support';
import { planSetup, planUninstall } from './planner';
import { CONFIGS, config } from './planner.test-support';

const marks = (p: ReturnType<typeof planSetup>) => Object.fromEntries(p.steps.map((s) => [s.id, s.action]));
const withMain = (state: ObservedState, edit: (o: TargetObservation) => TargetObservation): ObservedState => ({
  ...state,
  targets: { ...state.targets, main: edit(state.targets.main!) },
});

describe('marking steps against an observed workspace', () => {
  for (const [name, c] of Object.entries(CONFIGS)) {
    it(`a converged workspace gives all unchanged, and its uninstall all change but the catalog's drop (${name})`, () => {
      const observed = convergedObservation(c);
      expect(new Set(planSetup(c, observed).steps.map((s) => s.action))).toEqual(new Set(['unchanged']));
      const uninstall = planUninstall(c, observed).steps;
      expect(uninstall.filter((s) => s.action === 'drop').map((s) => s.sql)).toEqual([expect.stringMatching(/^DROP CATALOG IF EXISTS `[^`]+` CASCADE$/)]);
      expect(uninstall.filter((s) => s.action !== 'drop').every((s) => s.action === 'change')).toBe(true);
      const empty: ObservedState = { at: 0, targets: Object.fromEntries(Object.keys(observed.targets).map((t) => [t, { catalogs: [], schemas: [], tables: [], volumes: [], grants: [] }])) };
      expect(new Set(planSetup(c, empty).steps.map((s) => s.action))).toEqual(new Set(['create']));
      expect(new Set(planUninstall(c, empty).steps.map((s) => s.action))).toEqual(new Set(['unchanged']));
    });
  }

  const c = config({ manageScope: 'schema', governedCatalogs: ['hr', 'finance'], audit: { enabled: true }, governedSchemas: { hr: ['payroll'], finance: ['ledger'] } });
  const converged = convergedObservation(c);
  const onCatalog = config({ governedCatalogs: ['hr', 'finance'], audit: { enabled: true } });

  it('marks a grant missing some of its privileges as change, and one missing all as create', () => {
    const observed = withMain(converged, (o) => ({
      ...o,
      grants: o.grants
        .filter((g) => g.name[0] !== 'finance')
        .map((g) => (g.name[0] === 'hr' ? { ...g, privileges: ['USE CATALOG', 'SELECT'] } : g)),
    }));
    expect(marks(planSetup(c, observed))).toMatchObject({ 'grant:sp:governed:hr': 'change', 'grant:sp:governed:finance': 'create', 'grant:sp:integration:catalog': 'unchanged' });
    expect(marks(planUninstall(c, observed))).toMatchObject({ 'undo:grant:sp:governed:hr': 'change', 'undo:grant:sp:governed:finance': 'unchanged' });
  });

  it('tells a missing marker tag (create) from one another workspace set (change)', () => {
    const untagged = withMain(converged, (o) => ({ ...o, catalogs: o.catalogs.map((x) => ({ ...x, integrationTag: null })) }));
    const foreign = withMain(converged, (o) => ({ ...o, catalogs: o.catalogs.map((x) => (x.name === 'ucbridge' ? { ...x, integrationTag: 'other.example.com' } : x)) }));
    expect(marks(planSetup(c, untagged))).toMatchObject({ catalog: 'unchanged', 'catalog:tag': 'create' });
    expect(marks(planSetup(c, foreign))).toMatchObject({ catalog: 'unchanged', 'catalog:tag': 'change' });
  });

  it('compares names case-insensitively and reads information_schema spellings (USE_CATALOG)', () => {
    const observed = withMain(converged, (o) => ({
      ...o,
      schemas: o.schemas.map(([a, b]) => [a.toUpperCase(), b.toUpperCase()] as [string, string]),
      grants: o.grants.map((g) => ({ ...g, name: g.name.map((n) => n.toUpperCase()), privileges: g.privileges.map((p) => p.toLowerCase().replaceAll(' ', '_')) })),
    }));
    expect(new Set(planSetup(c, observed).steps.map((s) => s.action))).toEqual(new Set(['unchanged']));
  });

  it('counts ALL PRIVILEGES as covering everything but MANAGE', () => {
    const observed = withMain(converged, (o) => ({
      ...o,
      grants: o.grants.map((g) => (g.name[0] === 'ucbridge' || g.name[0] === 'hr' ? { ...g, privileges: ['ALL PRIVILEGES'] } : g)),
    }));
    const m = marks(planSetup(c, observed));
    expect(m).toMatchObject({
      'grant:sp:integration:catalog': 'unchanged',
      'grant:sp:integration:schema:policies': 'unchanged',
      'grant:sp:governed:hr': 'unchanged',
      'grant:sp:governed:hr:schema:payroll': 'create',
    });
    // With MANAGE on the catalog, ALL PRIVILEGES there still leaves MANAGE to grant.
    const all = withMain(convergedObservation(onCatalog), (o) => ({ ...o, grants: o.grants.map((g) => (g.name[0] === 'hr' ? { ...g, privileges: ['ALL PRIVILEGES'] } : g)) }));
    expect(marks(planSetup(onCatalog, all))).toMatchObject({ 'grant:sp:governed:hr': 'change', 'grant:sp:governed:finance': 'unchanged' });
  });

  it('marks MANAGE on each governed schema from the schema\u2019s own grants; one not held (or its schema gone) is not revoked', () => {
    const noSchemaManage = withMain(converged, (o) => ({ ...o, grants: o.grants.filter((g) => !(g.securable === 'SCHEMA' && g.name[0] === 'finance')) }));
    expect(marks(planSetup(c, noSchemaManage))).toMatchObject({ 'grant:sp:governed:finance': 'unchanged', 'grant:sp:governed:finance:schema:ledger': 'create', 'grant:sp:governed:hr:schema:payroll': 'unchanged' });
    expect(marks(planUninstall(c, noSchemaManage))).toMatchObject({ 'undo:grant:sp:governed:finance:schema:ledger': 'unchanged', 'undo:grant:sp:governed:hr:schema:payroll': 'change' });
    // MANAGE held on the catalog (a set-up with manageScope "catalog") is not MANAGE on the schema.
    const onCatalog = withMain(noSchemaManage, (o) => ({ ...o, grants: o.grants.map((g) => (g.securable === 'CATALOG' && g.name[0] === 'finance' ? { ...g, privileges: [...g.privileges, 'MANAGE'] } : g)) }));
    expect(marks(planSetup(c, onCatalog))).toMatchObject({ 'grant:sp:governed:finance:schema:ledger': 'create' });
  });

  it('a workspace that was not observed is planned as create (the statements will run)', () => {
    const extra = CONFIGS['additional workspaces']!;
    const onlyMain: ObservedState = { at: 0, targets: { main: convergedObservation(extra).targets.main! } };
    const p = planSetup(extra, onlyMain);
    expect(p.steps.filter((s) => s.target === 'main').every((s) => s.action === 'unchanged')).toBe(true);
    expect(new Set(p.steps.filter((s) => s.target !== 'main').map((s) => s.action))).toEqual(new Set(['create']));
    expect(planUninstall(extra, onlyMain).steps.filter((s) => s.target !== 'main').every((s) => s.action === 'change')).toBe(true);
  });

  it('with audit on and a metastore admin installing, enabling each system schema is a REST step the audit grants wait for', () => {
    const audit = config({ governedCatalogs: ['hr'], audit: { enabled: true } });
    const observed = (installerIsAdmin: boolean, enabledSystemSchemas: string[]): ObservedState => ({ ...convergedObservation(audit), metastore: { id: 'ms-1', installerIsAdmin, enabledSystemSchemas } });
    const p = planSetup(audit, observed(true, ['query']));
    expect(p.steps.filter((s) => s.rest)).toEqual([
      expect.objectContaining({ id: 'system-schema:access', action: 'create', sql: 'PUT /api/2.1/unity-catalog/metastores/ms-1/systemschemas/access', rest: { method: 'PUT', path: '/api/2.1/unity-catalog/metastores/ms-1/systemschemas/access', body: {} } }),
      expect.objectContaining({ id: 'system-schema:query', action: 'unchanged' }),
    ]);
    expect(p.steps.find((s) => s.id === 'grant:sp:system:schema:access')!.dependsOn).toContain('system-schema:access');
    expect(p.steps.find((s) => s.id === 'grant:sp:system:table:access.audit')!.dependsOn).toContain('system-schema:access');
    // Not an admin, offline, or audit off: no REST step (setup.sql's header lists the calls instead).
    expect(planSetup(audit, observed(false, [])).steps.some((s) => s.rest)).toBe(false);
    expect(planSetup(audit, null).steps.some((s) => s.rest)).toBe(false);
    expect(planSetup(onCatalog, { ...convergedObservation(onCatalog), metastore: { id: 'ms-1', installerIsAdmin: true, enabledSystemSchemas: [] } }).steps.filter((s) => s.rest)).toHaveLength(2);
    expect(planSetup(config({ audit: { enabled: false } }), observed(true, [])).steps.some((s) => s.rest)).toBe(false);
  });

  it('offline (nothing observed) the uninstall still marks the catalog\u2019s DROP … CASCADE as a drop, and only it', () => {
    const p = planUninstall(onCatalog, null);
    expect(p.steps.filter((s) => s.action === 'drop').map((s) => s.id)).toEqual(['undo:catalog']);
    expect(p.steps.filter((s) => s.action !== 'drop').every((s) => s.action === 'change' && s.sql.startsWith('REVOKE '))).toBe(true);
  });
});
