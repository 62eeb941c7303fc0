import { describe, expect, it } from 'vitest';
import { dropConfirmed, typedNameMatches } from './drop-confirm';

describe('confirming an action that drops a catalog', () => {
  it('goes only once the catalog name is typed, in any case, spaces around ignored', () => {
    expect(dropConfirmed(true, 'ucbridge', '')).toBe(false);
    expect(dropConfirmed(true, 'ucbridge', 'ucbridg')).toBe(false);
    expect(dropConfirmed(true, 'ucbridge', 'main')).toBe(false);
    expect(dropConfirmed(true, 'ucbridge', ' UCBridge ')).toBe(true);
    expect(typedNameMatches('ucbridge_x', 'ucbridge')).toBe(false);
  });

  it('asks nothing when nothing is dropped or no integration catalog is known', () => {
    expect(dropConfirmed(false, 'ucbridge', '')).toBe(true);
    expect(dropConfirmed(true, undefined, '')).toBe(true);
  });
});
