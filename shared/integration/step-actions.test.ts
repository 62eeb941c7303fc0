import { describe, expect, it } from 'vitest';
import { emptyTargetObservation, type TargetObservation } from './observed-state';
import { heldPrivileges, setupAction, uninstallAction } from './step-actions';
import type { StepCheck } from './step-check';

/**
 * Create / change / unchanged decides what apply runs and what the preview tells the user; a wrong "unchanged"
 * skips a statement the workspace needs. Names compare case-insensitively, part by part, on the same securable.
 */

type Grant = Extract<StepCheck, { kind: 'grant' }>;
const obs = (over: Partial<TargetObservation>): TargetObservation => ({ ...emptyTargetObservation(), ...over });
const auditTable: Grant = { kind: 'grant', securable: 'TABLE', name: ['system', 'access', 'audit'], privileges: ['SELECT'] };
const staging: Grant = { kind: 'grant', securable: 'VOLUME', name: ['ucb', 'registry', 'staging'], privileges: ['READ VOLUME', 'WRITE VOLUME'] };
const schemaManage: Grant = { kind: 'grant', securable: 'SCHEMA', name: ['hr', 'payroll'], privileges: ['MANAGE'] };

describe('heldPrivileges', () => {
  it('counts grants on the same securable only: not a sibling table, not a prefix of the name, not another kind with the same name', () => {
    expect(heldPrivileges(obs({ grants: [{ securable: 'TABLE', name: ['SYSTEM', 'Access', 'AUDIT'], privileges: ['select'] }] }), auditTable)).toEqual(['SELECT']);
    expect(heldPrivileges(obs({ grants: [{ securable: 'TABLE', name: ['system', 'access', 'table_lineage'], privileges: ['SELECT'] }] }), auditTable)).toEqual([]);
    expect(heldPrivileges(obs({ grants: [{ securable: 'SCHEMA', name: ['hr'], privileges: ['MANAGE'] }] }), schemaManage)).toEqual([]);
    expect(heldPrivileges(obs({ grants: [{ securable: 'TABLE', name: ['ucb', 'registry', 'staging'], privileges: ['READ VOLUME'] }] }), staging)).toEqual([]);
  });
});

describe('setupAction', () => {
  it('a catalog: present in any case is unchanged, only another catalog is create', () => {
    const check: StepCheck = { kind: 'catalog', catalog: 'ucb' };
    expect(setupAction(check, obs({ catalogs: [{ name: 'UCB', owner: null, integrationTag: null }] }))).toBe('unchanged');
    expect(setupAction(check, obs({ catalogs: [{ name: 'other', owner: null, integrationTag: null }] }))).toBe('create');
  });

  it('a grant: all held unchanged, some held change, none held (or only on a sibling) create', () => {
    expect(setupAction(staging, obs({ grants: [{ securable: 'VOLUME', name: ['ucb', 'registry', 'staging'], privileges: ['READ VOLUME', 'WRITE VOLUME'] }] }))).toBe('unchanged');
    expect(setupAction(staging, obs({ grants: [{ securable: 'VOLUME', name: ['ucb', 'registry', 'staging'], privileges: ['READ VOLUME'] }] }))).toBe('change');
    expect(setupAction(staging, obs({ grants: [{ securable: 'VOLUME', name: ['ucb', 'registry', 'other'], privileges: ['READ VOLUME', 'WRITE VOLUME'] }] }))).toBe('create');
  });
});

describe('uninstallAction', () => {
  const here = obs({
    catalogs: [{ name: 'ucb', owner: null, integrationTag: 'host' }],
    schemas: [['ucb', 'registry']],
    tables: [['ucb', 'registry', 'crawl_runs']],
    volumes: [['ucb', 'registry', 'staging']],
  });
  const checks: [StepCheck, string][] = [
    [{ kind: 'catalog-tag', catalog: 'ucb', tag: 'ucbridge_integration', value: 'host' }, 'tag'],
    [{ kind: 'schema', name: ['ucb', 'registry'] }, 'schema'],
    [{ kind: 'table', name: ['ucb', 'registry', 'crawl_runs'] }, 'table'],
    [{ kind: 'volume', name: ['ucb', 'registry', 'staging'] }, 'volume'],
  ];

  it('an object inside the catalog: change while it is there, unchanged once gone, change when not observed', () => {
    for (const [check, what] of checks) {
      expect(uninstallAction(check, here), what).toBe('change');
      expect(uninstallAction(check, emptyTargetObservation()), what).toBe('unchanged');
      expect(uninstallAction(check, undefined), what).toBe('change');
    }
  });

  it('the catalog is a drop while it exists or when not observed; a grant is a change while any of it is held', () => {
    const cat: StepCheck = { kind: 'catalog', catalog: 'ucb' };
    expect(uninstallAction(cat, here)).toBe('drop');
    expect(uninstallAction(cat, undefined)).toBe('drop');
    expect(uninstallAction(cat, emptyTargetObservation())).toBe('unchanged');
    expect(uninstallAction(staging, obs({ grants: [{ securable: 'VOLUME', name: ['ucb', 'registry', 'staging'], privileges: ['WRITE VOLUME'] }] }))).toBe('change');
    expect(uninstallAction(staging, emptyTargetObservation())).toBe('unchanged');
    expect(uninstallAction(staging, undefined)).toBe('change');
  });
});
