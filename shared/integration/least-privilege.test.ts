import { describe, expect, it } from 'vitest';
import { leastPrivilegeRows, LeastPrivilegeRowSchema } from './least-privilege';
import { planSetup } from './planner';
import { CONFIGS, config } from './planner.test-support';

describe('leastPrivilegeRows', () => {
  it('lists the installer\u2019s needs: CREATE CATALOG, grant rights on governed catalogs and the warehouse, and admin roles only with audit', () => {
    const off = leastPrivilegeRows(config({ governedCatalogs: ['hr'] })).filter((r) => r.who === 'installer');
    expect(off.map((r) => [r.privilege, r.on])).toEqual([
      ['CREATE CATALOG', 'metastore'],
      ['Owner, or MANAGE with USE CATALOG', 'catalog hr'],
      ['Workspace admin, or CAN MANAGE', 'SQL warehouse abc123def4567890'],
    ]);
    const on = leastPrivilegeRows(config({ audit: { enabled: true } })).filter((r) => r.who === 'installer');
    expect(on.map((r) => r.privilege)).toEqual(['CREATE CATALOG', 'Workspace admin, or CAN MANAGE', 'Metastore admin', 'Account admin']);
  });

  it('lists every privilege the plan grants the service principal, with a reason, and nothing else', () => {
    for (const c of Object.values(CONFIGS)) {
      const rows = leastPrivilegeRows(c);
      for (const r of rows) {
        expect(LeastPrivilegeRowSchema.parse(r)).toEqual(r);
        expect(r.why.length).toBeGreaterThan(10);
      }
      // The warehouse permission is set through REST, not by a plan GRANT (its own test below).
      const fromTable = rows.filter((r) => r.who === 'service-principal' && r.privilege !== 'CAN_USE').map((r) => `${r.target}|${r.privilege}|${r.on}`).sort();
      const fromPlan = planSetup(c, null)
        .steps.filter((s) => s.sql.startsWith('GRANT '))
        .flatMap((s) => {
          const m = /^GRANT (.+) ON (\w+) (.+) TO /.exec(s.sql)!;
          const on = `${m[2]!.toLowerCase()} ${m[3]!.replaceAll('`', '')}`;
          return m[1]!.split(', ').map((p) => `${s.target}|${p}|${on}`);
        })
        .sort();
      expect(fromTable).toEqual(fromPlan);
      expect(rows.some((r) => r.who === 'service-principal' && /OWNER|CREATE CATALOG|ALL PRIVILEGES/.test(r.privilege))).toBe(false);
    }
  });

  it('puts additional workspaces\u2019 catalogs under their workspace', () => {
    const rows = leastPrivilegeRows(CONFIGS['additional workspaces']!).filter((r) => r.on === 'catalog isolated_catalog2');
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(['workspace-c.cloud.databricks.com']));
    expect(rows.map((r) => `${r.who}:${r.privilege}`)).toEqual([
      'installer:Owner, or MANAGE with USE CATALOG',
      'service-principal:USE CATALOG',
      'service-principal:USE SCHEMA',
      'service-principal:SELECT',
      'service-principal:MODIFY',
    ]);
    const schema = leastPrivilegeRows(CONFIGS['additional workspaces']!).filter((r) => r.on === 'schema isolated_catalog2.raw');
    expect(schema.map((r) => `${r.target}|${r.who}:${r.privilege}`)).toEqual(['workspace-c.cloud.databricks.com|service-principal:MANAGE']);
  });

  it('by default gives the service principal MANAGE on each governed catalog and says it may drop the catalog', () => {
    const rows = leastPrivilegeRows(CONFIGS['audit on, two governed catalogs']!).filter((r) => r.who === 'service-principal');
    expect(rows.filter((r) => r.privilege === 'MANAGE').map((r) => r.on)).toEqual(['catalog hr', 'catalog finance']);
    const why = rows.find((r) => r.on === 'catalog hr' && r.privilege === 'MANAGE')!.why;
    expect(why).toContain('every current and future schema and table');
    expect(why).toContain('drop the catalog, its schemas and tables, and transfer their ownership');
  });

  it('with manageScope "schema" gives MANAGE per schema, never on a catalog, and says what it still allows (dropping the schema)', () => {
    const rows = leastPrivilegeRows(CONFIGS['MANAGE per schema, managed storage']!).filter((r) => r.who === 'service-principal');
    expect(rows.filter((r) => r.privilege === 'MANAGE').map((r) => r.on)).toEqual(['schema hr.default', 'schema hr.payroll', 'schema finance.ledger']);
    const why = rows.find((r) => r.on === 'schema hr.payroll')!.why;
    expect(why).toContain('It cannot drop the catalog');
    expect(why).toContain('drop this schema and its tables and transfer their ownership');
    expect(why).toContain('a schema created later needs an Update');
  });

  it('asks the installer for CREATE MANAGED STORAGE where a managed location is given, and no table cites a source document', () => {
    const rows = leastPrivilegeRows(CONFIGS['MANAGE per schema, managed storage']!).filter((r) => r.who === 'installer');
    expect(rows.find((r) => r.privilege === 'CREATE MANAGED STORAGE')).toMatchObject({ on: "the external location holding s3://ucb-managed/it's-here" });
    expect(leastPrivilegeRows(config()).some((r) => r.privilege === 'CREATE MANAGED STORAGE')).toBe(false);
    for (const c of Object.values(CONFIGS)) for (const r of leastPrivilegeRows(c)) expect(r.why).not.toMatch(/seed 0|reference §/i);
  });

  it('lists CAN_USE on the chosen SQL warehouse for the service principal, with why', () => {
    const c = config({ httpPath: '/sql/1.0/warehouses/abc123def4567890' });
    const rows = leastPrivilegeRows(c).filter((r) => r.privilege === 'CAN_USE');
    expect(rows).toEqual([{ who: 'service-principal', privilege: 'CAN_USE', on: 'SQL warehouse abc123def4567890', why: expect.stringContaining('databricks-sql-access'), target: 'main' }]);
  });

  it('the installer’s rows in full: where each is needed, and what MANAGE on a catalog lets them grant in each scope', () => {
    const rows = (manageScope: 'catalog' | 'schema') =>
      leastPrivilegeRows(
        config({
          audit: { enabled: true },
          manageScope,
          governedCatalogs: ['hr'],
          governedSchemas: { hr: [], iso: [] },
          additionalWorkspaceConnections: [{ workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: ['iso'] }],
        }),
      ).filter((r) => r.who === 'installer');
    const warehouseWhy = 'Give the service principal CAN_USE on this warehouse: only workspace admins and CAN MANAGE holders change who may use it.';
    const grantWhy = (what: string) => `Grant the service principal its privileges on this catalog${what}: only its owner, a metastore admin or a MANAGE holder may grant.`;
    expect(rows('schema').map((r) => [r.target, r.privilege, r.on, r.why])).toEqual([
      ['main', 'CREATE CATALOG', 'metastore', 'Create the integration catalog ucbridge. Not needed if ucbridge already exists and you own it.'],
      ['main', 'Owner, or MANAGE with USE CATALOG', 'catalog hr', grantWhy(' and MANAGE on its schemas')],
      ['b.example.com', 'Owner, or MANAGE with USE CATALOG', 'catalog iso', grantWhy(' and MANAGE on its schemas')],
      ['main', 'Workspace admin, or CAN MANAGE', 'SQL warehouse abc123def4567890', warehouseWhy],
      ['b.example.com', 'Workspace admin, or CAN MANAGE', 'SQL warehouse b', warehouseWhy],
      ['main', 'Metastore admin', 'metastore', 'Grant access to the system tables for query audit; no one has it by default.'],
      ['main', 'Account admin', 'account', 'Granting on system schemas takes a user who is both metastore and account admin, and so does enabling the access and query schemas.'],
    ]);
    expect(rows('catalog')[1]!.why).toBe(grantWhy(', MANAGE included'));
  });

  it('gives each privilege of the service principal its own reason, not the step’s purpose', () => {
    for (const c of [CONFIGS['everything, upper-case names lowered']!, CONFIGS['MANAGE per schema, managed storage']!]) {
      const sp = leastPrivilegeRows(c).filter((r) => r.who === 'service-principal');
      expect(sp.length).toBeGreaterThan(10);
      for (const r of sp) expect(r.why, `${r.privilege} on ${r.on}`).not.toMatch(/^Let the service principal/);
    }
    const why = (on: string, privilege: string) => leastPrivilegeRows(CONFIGS['everything, upper-case names lowered']!).find((r) => r.on === on && r.privilege === privilege)?.why;
    expect(why('volume ucb_prod.registry.staging', 'WRITE VOLUME')).toBe('Stage files for the governance product.');
    expect(why('schema system.query', 'USE SCHEMA')).toBe('Reach the tables in system.query (query audit).');
    expect(why('table system.access.audit', 'SELECT')).toBe('Read system.access.audit for query audit and lineage.');
  });

  it('lists CAN_USE on each additional workspace\u2019s warehouse too, in that workspace, each warehouse once', () => {
    const c = config({
      additionalWorkspaceConnections: [
        { workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/bbbb', catalogs: ['iso'] },
        { workspaceUrl: 'c.example.com', httpPath: '/sql/protocolv1/o/1/0123-456789-abcdef', catalogs: ['iso2'] },
        { workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/bbbb', catalogs: ['iso3'] },
      ],
    });
    expect(leastPrivilegeRows(c).filter((r) => r.privilege === 'CAN_USE').map((r) => [r.who, r.target, r.on])).toEqual([
      ['service-principal', 'main', 'SQL warehouse abc123def4567890'],
      ['service-principal', 'b.example.com', 'SQL warehouse bbbb'],
      ['service-principal', 'c.example.com', 'SQL warehouse at /sql/protocolv1/o/1/0123-456789-abcdef'],
    ]);
  });

  it('names a warehouse by its path when the path holds no warehouse id', () => {
    const c = config({ httpPath: '/sql/protocolv1/o/1234/0123-456789-abcdef' });
    expect(leastPrivilegeRows(c).find((r) => r.privilege === 'CAN_USE')?.on).toBe('SQL warehouse at /sql/protocolv1/o/1234/0123-456789-abcdef');
    expect(leastPrivilegeRows(c).find((r) => r.privilege === 'Workspace admin, or CAN MANAGE')?.on).toBe('SQL warehouse at /sql/protocolv1/o/1234/0123-456789-abcdef');
  });
});
