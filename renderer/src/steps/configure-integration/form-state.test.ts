import { describe, expect, it } from 'vitest';
import {
  catalogProblem,
  checkConfig,
  EMPTY_CONFIG_FORM,
  formFromSettings,
  newWorkspaceDraft,
  problemKey,
  sameAsSaved,
  type ConfigForm,
} from './form-state';

const WS = 'https://127.0.0.1:8443';
const SP = { applicationId: '6F1C3B2A-0D4E-4F5A-8B9C-0123456789AB', displayName: 'governance-sync', createdByUcbridge: false, secretInVault: false };
const form = (over: Partial<ConfigForm> = {}): ConfigForm => ({
  ...EMPTY_CONFIG_FORM,
  warehouseId: 'abc123',
  httpPath: '/sql/1.0/warehouses/abc123',
  servicePrincipal: SP,
  ...over,
});

describe('the integration catalog rule (seed 001)', () => {
  it.each(['ucbridge', 'Immuta_Integration', '_x1'])('accepts %s', (name) => {
    expect(catalogProblem(name)).toBeUndefined();
  });

  it.each(['', '   ', '1st', 'has space', 'dot.ted', 'x`; DROP CATALOG sales; --', 'ünïcode', 'a'.repeat(256)])('refuses %j', (name) => {
    expect(catalogProblem(name)).toMatch(/^(Enter a name|Use letters, digits and underscores)/);
  });
});

describe('checkConfig', () => {
  it('builds the settings main saves, lower-casing the catalog and the application id', () => {
    const r = checkConfig(form({ catalog: 'UCBridge', governedCatalogs: ['Sales', ' hr '] }), WS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.normalized.config).toMatchObject({
      workspaceUrl: WS,
      httpPath: '/sql/1.0/warehouses/abc123',
      catalog: 'ucbridge',
      audit: { enabled: true },
      servicePrincipal: { applicationId: SP.applicationId.toLowerCase() },
      governedCatalogs: ['sales', 'hr'],
      additionalWorkspaceConnections: [],
    });
    expect(r.normalized).toMatchObject({ mode: 'automatic', warehouseId: 'abc123', servicePrincipal: { displayName: 'governance-sync', secretInVault: false } });
  });

  it('says, per field, what is missing or wrong', () => {
    const r = checkConfig(form({ warehouseId: '', httpPath: '', catalog: '9lives', servicePrincipal: null, governedCatalogs: ['ok', 'bad name'] }), WS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      warehouse: 'Choose the SQL warehouse the integration uses.',
      catalog: expect.stringMatching(/^Use letters, digits and underscores/),
      servicePrincipal: expect.stringContaining('service principal'),
      'governed.1': expect.stringContaining('cannot contain periods, spaces'),
    });
  });

  it('refuses a governed catalog listed twice, or the integration catalog as a governed catalog', () => {
    const twice = checkConfig(form({ governedCatalogs: ['ok', 'other', 'OK'] }), WS);
    expect(!twice.ok && twice.problems).toEqual({ 'governed.2': '"ok" is listed twice.' });
    const own = checkConfig(form({ governedCatalogs: ['UCBRIDGE'] }), WS);
    expect(!own.ok && own.problems).toEqual({ governed: 'The integration catalog cannot also be a governed catalog.' });
  });

  it('checks additional workspaces', () => {
    const extra = { ...newWorkspaceDraft(), workspaceUrl: 'https://other.cloud.databricks.com', httpPath: 'not a path!', catalogs: '' };
    const r = checkConfig(form({ additional: [extra] }), WS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.problems).sort()).toEqual(['additional.0.catalogs', 'additional.0.httpPath']);
  });

  it('sends MANAGE scope and a managed storage location; an empty location is left out, a bad one is its field\u2019s problem', () => {
    const r = checkConfig(form({ manageScope: 'schema', storageLocation: ' s3://b/ucb ' }), WS);
    expect(r.ok && r.normalized.config).toMatchObject({ manageScope: 'schema', storageLocation: 's3://b/ucb' });
    const empty = checkConfig(form({ storageLocation: '  ' }), WS);
    expect(empty.ok && 'storageLocation' in empty.normalized.config).toBe(false);
    expect(empty.ok && empty.normalized.config.manageScope).toBe('catalog');
    const bad = checkConfig(form({ storageLocation: 'bucket/path' }), WS);
    expect(!bad.ok && bad.problems).toEqual({ storageLocation: expect.stringMatching(/^A cloud storage URL such as s3:\/\/bucket\/path/) });
  });

  it('maps schema paths to fields', () => {
    expect(problemKey(['config', 'httpPath'])).toBe('warehouse');
    expect(problemKey(['config', 'servicePrincipal', 'applicationId'])).toBe('servicePrincipal');
    expect(problemKey(['config', 'additionalWorkspaceConnections', 1, 'workspaceUrl'])).toBe('additional.1.workspaceUrl');
    expect(problemKey(['config', 'additionalWorkspaceConnections', 1, 'catalogs', 0])).toBe('additional.1.catalogs');
  });
});

describe('saved settings and the form', () => {
  it('round-trip, and a change makes the form differ from what is saved', () => {
    const extra = { ...newWorkspaceDraft(), workspaceUrl: 'https://other.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/x', catalogs: 'a, b' };
    const r = checkConfig(form({ additional: [extra], audit: false }), WS);
    if (!r.ok) throw new Error('expected valid');
    const back = formFromSettings(r.normalized);
    expect(back.additional[0]).toMatchObject({ catalogs: 'a, b', httpPath: '/sql/1.0/warehouses/x' });
    expect(sameAsSaved(back, WS, r.normalized)).toBe(true);
    expect(sameAsSaved({ ...back, catalog: 'other' }, WS, r.normalized)).toBe(false);
    expect(sameAsSaved({ ...back, manageScope: 'schema' }, WS, r.normalized)).toBe(false);
    expect(sameAsSaved({ ...back, storageLocation: 's3://b/x' }, WS, r.normalized)).toBe(false);
    expect(sameAsSaved(back, WS, null)).toBe(false);
    // What main adds to the saved config from the workspace is not something the form edits.
    const filled = { ...r.normalized, config: { ...r.normalized.config, governedSchemas: { finance: ['ledger'] } } };
    expect(sameAsSaved(back, WS, filled)).toBe(true);
  });
});
