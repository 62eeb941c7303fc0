import { describe, expect, it } from 'vitest';
import { IdentityStore } from './identity-store';
import { IdentityError } from './model';

function setup() {
  const store = new IdentityStore();
  const outer = store.createGroup({ displayName: 'all-data-users' });
  const middle = store.createGroup({ displayName: 'data-analysts' });
  const inner = store.createGroup({ displayName: 'finance-analysts' });
  store.addMembers(outer.id, [middle.id]);
  store.addMembers(middle.id, [inner.id]);
  const jose = store.createUser({ userName: 'jose.nunez@x.example', displayName: 'José Núñez' });
  store.addMembers(inner.id, [jose.id]);
  return { store, outer, middle, inner, jose };
}

describe('IdentityStore', () => {
  it('resolves nested membership transitively and includes the automatic groups', () => {
    const { store, jose } = setup();
    const names = store.allGroups(jose.id).map((g) => g.displayName).sort();
    expect(names).toEqual(['account users', 'all-data-users', 'data-analysts', 'finance-analysts', 'users']);
    expect(store.directGroups(jose.id).map((g) => g.displayName).sort()).toEqual(['account users', 'finance-analysts', 'users']);
  });

  it('refuses membership cycles', () => {
    const { store, outer, inner } = setup();
    expect(() => store.addMembers(inner.id, [outer.id])).toThrow(/cycle/u);
    expect(() => store.addMembers(outer.id, [outer.id])).toThrow(/cycle/u);
  });

  it('treats user and group names case-insensitively for uniqueness and lookup', () => {
    const { store, jose } = setup();
    expect(store.userByName('JOSE.NUNEZ@X.EXAMPLE')?.id).toBe(jose.id);
    expect(() => store.createUser({ userName: 'Jose.Nunez@x.example' })).toThrow(IdentityError);
    expect(() => store.createGroup({ displayName: 'DATA-ANALYSTS' })).toThrow(/already exists/u);
  });

  it('validates names', () => {
    const store = new IdentityStore();
    expect(() => store.createUser({ userName: 'not-an-email' })).toThrow(/email/u);
    expect(() => store.createGroup({ displayName: 'bad\u0007name' })).toThrow(/printable/u);
    expect(() => store.createServicePrincipal({ displayName: 'sp', applicationId: 'nope' })).toThrow(/UUID/u);
  });

  it('deletes a principal from every group and notifies listeners', () => {
    const { store, inner, jose } = setup();
    const deleted: string[] = [];
    store.onChange((c) => c.type === 'deleted' && deleted.push(c.id));
    store.delete(jose.id);
    expect(store.getGroup(inner.id)?.memberIds).toEqual([]);
    expect(deleted).toEqual([jose.id]);
    expect(() => store.delete(jose.id)).toThrow(/not found/u);
  });

  it('protects the system groups', () => {
    const store = new IdentityStore();
    const admins = store.groupByName('admins');
    expect(admins).toBeDefined();
    expect(() => store.delete(admins?.id ?? '')).toThrow(/cannot be deleted/u);
  });

  it('round-trips through a snapshot with the same ids', () => {
    const { store, jose } = setup();
    const copy = new IdentityStore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(copy.getUser(jose.id)?.displayName).toBe('José Núñez');
    expect(copy.listGroups().filter((g) => g.displayName === 'admins')).toHaveLength(1);
    expect(copy.allGroups(jose.id).map((g) => g.displayName)).toContain('all-data-users');
  });
});
