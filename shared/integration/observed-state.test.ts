import { describe, expect, it } from 'vitest';
import { emptyTargetObservation, mergeObserved, normalizePrivilege, ObservedStateSchema } from './observed-state';

describe('ObservedState helpers', () => {
  it('merges observations of different workspaces into one, keeping the latest time', () => {
    const main = { targets: { main: { ...emptyTargetObservation(), catalogs: [{ name: 'ucbridge', owner: 'me', integrationTag: 'h' }] } }, at: 5 };
    const b = { targets: { 'b.example.com': emptyTargetObservation() }, at: 9 };
    const merged = mergeObserved(main, b);
    expect(ObservedStateSchema.parse(merged)).toEqual(merged);
    expect(Object.keys(merged.targets)).toEqual(['main', 'b.example.com']);
    expect(merged.at).toBe(9);
  });

  it('keeps the metastore from whichever observation has it (only the main workspace’s does), and none when none has', () => {
    const metastore = { id: 'm-1', installerIsAdmin: true, enabledSystemSchemas: ['access'] };
    const main = { targets: { main: emptyTargetObservation() }, metastore, at: 5 };
    const b = { targets: { 'b.example.com': emptyTargetObservation() }, at: 9 };
    expect(mergeObserved(b, main).metastore).toEqual(metastore);
    expect(mergeObserved(main, b).metastore).toEqual(metastore);
    expect('metastore' in mergeObserved(b, { ...b, at: 1 })).toBe(false);
  });

  it('normalises privilege spellings from information_schema and SHOW GRANTS to one', () => {
    expect(['USE_CATALOG', 'use catalog', ' Use  Catalog ', 'USE CATALOG'].map(normalizePrivilege)).toEqual(Array(4).fill('USE CATALOG'));
    expect(normalizePrivilege('ALL_PRIVILEGES')).toBe('ALL PRIVILEGES');
  });
});
