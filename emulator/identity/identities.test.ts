import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../seeds/identities-demo';
import { applyIdentitySeed } from './apply-seed';
import { Identities } from './identities';

describe('Identities with the demo seed', () => {
  const identities = new Identities();
  const creds = applyIdentitySeed(identities, DEMO_IDENTITIES);
  const dir = identities.directory;

  it('has one account id (UUID) and one numeric workspace id', () => {
    expect(identities.accountId).toMatch(/^[0-9a-f-]{36}$/u);
    expect(identities.workspaceId).toMatch(/^[1-9][0-9]{15}$/u);
  });

  it('implements IdentityDirectory over users, service principals and groups', () => {
    const siobhan = dir.byName('SIOBHAN.OBRIEN@lakeside.example');
    expect(siobhan).toMatchObject({ kind: 'user', name: 'siobhan.obrien@lakeside.example', displayName: "Siobhán O'Brien" });
    expect(dir.byId(siobhan?.id ?? '')?.name).toBe('siobhan.obrien@lakeside.example');
    expect([...dir.groupsOf(siobhan?.id ?? '')].sort()).toEqual(['account users', 'all-data-users', 'data-analysts', 'users']);
    expect(dir.byName('data-analysts')?.kind).toBe('group');
    const sp = creds.servicePrincipals[0];
    expect(dir.byName(sp?.applicationId ?? '')?.kind).toBe('service-principal');
    expect(dir.all().length).toBeGreaterThan(10);
  });

  it('knows workspace and metastore admins, including through group membership', () => {
    const priya = dir.byName('priya.raman@lakeside.example')?.id ?? '';
    const jose = dir.byName('jose.nunez@lakeside.example')?.id ?? '';
    expect(dir.isWorkspaceAdmin(priya)).toBe(true);
    expect(dir.isMetastoreAdmin(priya)).toBe(true);
    expect(dir.isWorkspaceAdmin(jose)).toBe(false);
    const admins = creds.servicePrincipals.filter((s) => s.admin);
    expect(admins).toHaveLength(1);
    expect(dir.isWorkspaceAdmin(dir.byName(admins[0]?.applicationId ?? '')?.id ?? '')).toBe(true);
  });

  it('gives every user a working password and PAT, and every SP a working secret', () => {
    for (const user of creds.users) {
      expect(user.token).toMatch(/^dapi[0-9a-f]{32}$/u);
      const check = identities.pats.check(user.token);
      expect(check.ok && dir.byId(check.record.ownerId)?.name).toBe(user.userName);
      expect(identities.checkPassword(user.userName, user.password)?.userName).toBe(user.userName);
      expect(identities.checkPassword(user.userName, `${user.password}x`)).toBeUndefined();
    }
    for (const sp of creds.servicePrincipals) {
      const id = dir.byName(sp.applicationId)?.id ?? '';
      expect(identities.spSecrets.verify(id, sp.clientSecret)).toBe(true);
      expect(identities.spSecrets.verify(id, 'dose-wrong')).toBe(false);
    }
  });

  it('keeps no secret in its persisted state and restores from it', () => {
    const state = JSON.stringify(identities.state());
    for (const user of creds.users) {
      expect(state).not.toContain(user.token);
      expect(state).not.toContain(user.password);
    }
    const restored = new Identities(JSON.parse(state));
    const user = creds.users[1];
    expect(restored.accountId).toBe(identities.accountId);
    expect(restored.pats.check(user?.token ?? '').ok).toBe(true);
    expect(restored.checkPassword(user?.userName ?? '', user?.password ?? '')).toBeDefined();
  });

  it('deletes a principal together with its PATs', () => {
    const other = new Identities();
    const seeded = applyIdentitySeed(other, DEMO_IDENTITIES);
    const marcus = seeded.users.find((u) => u.userName.startsWith('marcus')) ?? seeded.users[0];
    const id = other.directory.byName(marcus?.userName ?? '')?.id ?? '';
    other.store.delete(id);
    expect(other.pats.check(marcus?.token ?? '').ok).toBe(false);
  });
});
