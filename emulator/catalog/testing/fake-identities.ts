import type { IdentityDirectory, Principal, SandboxInfo } from '../../contracts';

/**
 * A small in-test IdentityDirectory: users, service principals and (nested) groups by name. The real directory
 * belongs to the workspace side; these tests only need the contract.
 */
export interface FakePrincipalSpec {
  readonly name: string;
  readonly kind?: Principal['kind'];
  readonly groups?: readonly string[];
}

export class FakeIdentities implements IdentityDirectory {
  private readonly byKey = new Map<string, Principal>();
  private readonly memberOf = new Map<string, readonly string[]>();

  constructor(specs: readonly FakePrincipalSpec[]) {
    for (const [i, spec] of specs.entries()) {
      const p: Principal = { id: String(1000 + i), kind: spec.kind ?? 'user', name: spec.name, displayName: spec.name };
      this.byKey.set(spec.name.toLowerCase(), p);
      this.memberOf.set(p.id, spec.groups ?? []);
    }
    for (const groups of [...this.memberOf.values()]) {
      for (const g of groups) if (!this.byKey.has(g.toLowerCase())) this.add({ name: g, kind: 'group' });
    }
  }

  private add(spec: FakePrincipalSpec): void {
    const p: Principal = { id: String(1000 + this.byKey.size), kind: spec.kind ?? 'user', name: spec.name, displayName: spec.name };
    this.byKey.set(spec.name.toLowerCase(), p);
    this.memberOf.set(p.id, spec.groups ?? []);
  }

  byName(name: string): Principal | undefined {
    return this.byKey.get(name.toLowerCase());
  }

  byId(id: string): Principal | undefined {
    return [...this.byKey.values()].find((p) => p.id === id);
  }

  groupsOf(principalId: string): ReadonlySet<string> {
    const out = new Set<string>();
    const visit = (id: string) => {
      for (const g of this.memberOf.get(id) ?? []) {
        if (out.has(g)) continue;
        out.add(g);
        const group = this.byName(g);
        if (group) visit(group.id);
      }
    };
    visit(principalId);
    return out;
  }

  isWorkspaceAdmin(principalId: string): boolean {
    return this.groupsOf(principalId).has('admins');
  }

  isMetastoreAdmin(principalId: string): boolean {
    return this.groupsOf(principalId).has('metastore-admins');
  }

  all(): readonly Principal[] {
    return [...this.byKey.values()];
  }
}

export const TEST_SANDBOX: SandboxInfo = {
  workspaceUrl: 'https://127.0.0.1:1',
  workspaceId: '1234567890123456',
  accountId: '0b6e6a1e-0000-4000-8000-000000000001',
  metastoreId: '5f3c0a57-0000-4000-8000-000000000002',
  metastoreRegion: 'aws:us-west-2:5f3c0a57-0000-4000-8000-000000000002',
};

/** The cast every Unity Catalog test uses: an admin, analysts in nested groups, an engineer, a service principal. */
export const testIdentities = (): FakeIdentities =>
  new FakeIdentities([
    { name: 'admin@example.com', groups: ['admins', 'metastore-admins', 'account users'] },
    { name: 'ana@example.com', groups: ['finance-analysts', 'account users'] },
    { name: 'bob@example.com', groups: ['data-engineers', 'account users'] },
    { name: 'eve@example.com', groups: ['account users'] },
    { name: 'data-analysts', kind: 'group', groups: ['all-data-users'] },
    { name: 'finance-analysts', kind: 'group', groups: ['data-analysts'] },
    { name: 'data-engineers', kind: 'group', groups: ['all-data-users'] },
    { name: '7f1c2d3e-aaaa-4bbb-8ccc-000000000001', kind: 'service-principal', groups: ['account users'] },
  ]);
