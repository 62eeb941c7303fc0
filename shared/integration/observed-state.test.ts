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

  it('normalises privilege spellings from information_schema and SHOW GRANTS to one', () => {
    expect(['USE_CATALOG', 'use catalog', ' Use  Catalog ', 'USE CATALOG'].map(normalizePrivilege)).toEqual(Array(4).fill('USE CATALOG'));
    expect(normalizePrivilege('ALL_PRIVILEGES')).toBe('ALL PRIVILEGES');
  });
});
