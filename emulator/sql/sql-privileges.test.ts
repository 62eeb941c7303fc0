import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../warehouse/testing/test-warehouse';

let w: TestWarehouse;
const as = sessionsFor(() => w);
const run = async (who: string, sql: string) => query(await as(who), sql);
const admin = (sql: string) => run('admin@example.com', sql);
const ana = (sql: string) => run('ana@example.com', sql);
const bob = (sql: string) => run('bob@example.com', sql);
const eve = (sql: string) => run('eve@example.com', sql);
const denied = (detail: RegExp) => ({ message: expect.stringMatching(/^\[INSUFFICIENT_PERMISSIONS\] Insufficient privileges:\n/), response: { sqlState: '42501', displayMessage: expect.stringMatching(detail) } });

beforeAll(async () => {
  w = await startTestWarehouse();
  await admin('CREATE CATALOG shop');
  await admin('CREATE SCHEMA shop.hr');
  await admin("CREATE TABLE shop.hr.people (id INT, email STRING, ssn STRING, region STRING)");
  await admin("INSERT INTO shop.hr.people VALUES (1, 'a@x.example', '900-11-1111', 'EMEA'), (2, 'b@x.example', '900-22-2222', 'NA'), (3, 'c@x.example', '900-33-3333', 'APAC')");
});
afterAll(async () => w.close());

describe('privileges through the real driver', () => {
  it('needs USE CATALOG, USE SCHEMA and SELECT to read, each denial naming what is missing', async () => {
    await expect(eve('SELECT * FROM shop.hr.people')).rejects.toMatchObject(denied(/USE CATALOG on Catalog 'shop'/));
    await admin('GRANT USE CATALOG ON CATALOG shop TO `account users`');
    await expect(eve('SELECT * FROM shop.hr.people')).rejects.toMatchObject(denied(/USE SCHEMA on Schema 'shop\.hr'/));
    await admin('GRANT USE SCHEMA ON SCHEMA shop.hr TO `eve@example.com`');
    await expect(eve('SELECT * FROM shop.hr.people')).rejects.toMatchObject(denied(/SELECT on Table 'shop\.hr\.people'/));
    await admin('GRANT SELECT ON TABLE shop.hr.people TO `eve@example.com`');
    expect(await eve('SELECT count(*) AS n FROM shop.hr.people')).toEqual([{ n: 3 }]);
    await expect(eve("INSERT INTO shop.hr.people VALUES (4, 'd', 'e', 'NA')")).rejects.toMatchObject(denied(/MODIFY on Table/));
    await admin('REVOKE SELECT ON TABLE shop.hr.people FROM `eve@example.com`');
    await expect(eve('SELECT * FROM shop.hr.people')).rejects.toMatchObject(denied(/SELECT on Table/));
  });

  it('inherits catalog and schema grants to children and through nested groups; ALL PRIVILEGES excludes MANAGE', async () => {
    // ana is in finance-analysts ⊂ data-analysts: a grant to the outer group reaches her.
    await admin('GRANT USE SCHEMA, SELECT ON SCHEMA shop.hr TO `data-analysts`');
    expect(await ana('SELECT count(*) AS n FROM shop.hr.people')).toEqual([{ n: 3 }]);
    await admin('CREATE TABLE shop.hr.later (x INT)');
    expect(await ana('SELECT * FROM shop.hr.later')).toEqual([]);
    await admin('GRANT ALL PRIVILEGES ON CATALOG shop TO `data-engineers`');
    expect(await bob('SELECT count(*) AS n FROM shop.hr.people')).toEqual([{ n: 3 }]);
    await bob('INSERT INTO shop.hr.later VALUES (1)');
    await expect(bob('GRANT SELECT ON TABLE shop.hr.later TO `eve@example.com`')).rejects.toMatchObject(denied(/MANAGE on Table 'shop\.hr\.later'/));
    const grants = await admin('SHOW GRANTS ON TABLE shop.hr.later');
    expect(grants).toContainEqual({ principal: 'data-engineers', actionType: 'ALL PRIVILEGES', objectType: 'CATALOG', objectKey: 'shop' });
    expect(grants).toContainEqual({ principal: 'data-analysts', actionType: 'SELECT', objectType: 'SCHEMA', objectKey: 'shop.hr' });
  });

  it('lets owners and MANAGE holders grant, and needs CREATE CATALOG on the metastore to create a catalog', async () => {
    await expect(bob('CREATE CATALOG bobs')).rejects.toMatchObject(denied(/CREATE CATALOG on Metastore/));
    await admin('GRANT CREATE CATALOG ON METASTORE TO `bob@example.com`');
    await bob('CREATE CATALOG bobs');
    await bob('GRANT USE CATALOG ON CATALOG bobs TO `eve@example.com`');
    expect((await eve('SHOW CATALOGS')).map((r) => r.catalog)).toContain('bobs');
    await admin('GRANT MANAGE ON TABLE shop.hr.later TO `eve@example.com`');
    await eve('GRANT SELECT ON TABLE shop.hr.later TO `ana@example.com`');
    await expect(eve('SELECT * FROM shop.hr.later')).rejects.toMatchObject(denied(/SELECT on Table/));
    await bob('ALTER CATALOG bobs OWNER TO `data-engineers`');
    expect(await admin('DESCRIBE CATALOG bobs')).toContainEqual({ info_name: 'Owner', info_value: 'data-engineers' });
    await expect(admin('GRANT SELECT ON TABLE shop.hr.people TO `nobody@example.com`')).rejects.toMatchObject({ message: expect.stringMatching(/^\[PRINCIPAL_DOES_NOT_EXIST\]/) });
    await expect(admin('GRANT MODIFY ON CATALOG shop TO `eve@example.com`')).resolves.toEqual([]);
    await expect(admin('GRANT CREATE CATALOG ON CATALOG shop TO `eve@example.com`')).rejects.toMatchObject({ message: expect.stringMatching(/not applicable/) });
  });

  it('applies column masks and row filters on every read, with identity functions evaluated as the reader', async () => {
    await admin('CREATE SCHEMA shop.policies');
    await admin("CREATE FUNCTION shop.policies.ssn_mask(v STRING) RETURNS STRING RETURN CASE WHEN is_account_group_member('finance-analysts') THEN v ELSE concat('***-**-', right(v, 4)) END");
    await admin("CREATE FUNCTION shop.policies.region_rows(r STRING) RETURNS BOOLEAN RETURN is_account_group_member('admins') OR r = 'EMEA'");
    await expect(eve('ALTER TABLE shop.hr.people ALTER COLUMN ssn SET MASK shop.policies.ssn_mask')).rejects.toMatchObject({ response: { sqlState: '42501' } });
    await admin('ALTER TABLE shop.hr.people ALTER COLUMN ssn SET MASK shop.policies.ssn_mask');
    await admin('ALTER TABLE shop.hr.people SET ROW FILTER shop.policies.region_rows ON (region)');
    // ana (finance-analysts member) sees the SSN; bob (not a member) gets the mask; only admins see every region.
    expect(await ana('SELECT id, ssn FROM shop.hr.people ORDER BY id')).toEqual([{ id: 1, ssn: '900-11-1111' }]);
    expect(await bob('SELECT id, ssn FROM shop.hr.people ORDER BY id')).toEqual([{ id: 1, ssn: '***-**-1111' }]);
    expect(await bob('SELECT p.ssn FROM shop.hr.people AS p WHERE p.ssn LIKE \'9%\'')).toEqual([]);
    expect((await admin('SELECT id FROM shop.hr.people ORDER BY id')).map((r) => r.id)).toEqual([1, 2, 3]);
    // A view over the table still applies the policies for whoever reads the view.
    await admin('CREATE VIEW shop.hr.people_v AS SELECT id, ssn FROM shop.hr.people');
    await admin('GRANT SELECT ON VIEW shop.hr.people_v TO `account users`');
    await admin('GRANT USE SCHEMA ON SCHEMA shop.hr TO `account users`');
    expect(await eve('SELECT * FROM shop.hr.people_v')).toEqual([{ id: 1, ssn: '***-**-1111' }]);
    await admin('ALTER TABLE shop.hr.people ALTER COLUMN ssn DROP MASK');
    await admin('ALTER TABLE shop.hr.people DROP ROW FILTER');
    expect((await bob('SELECT ssn FROM shop.hr.people ORDER BY id')).map((r) => r.ssn)).toEqual(['900-11-1111', '900-22-2222', '900-33-3333']);
  });

  it('sets and unsets tags on catalog, schema, table, column and volume', async () => {
    await admin("ALTER CATALOG shop SET TAGS ('env' = 'prod')");
    await admin("ALTER SCHEMA shop.hr SET TAGS ('domain' = 'hr')");
    await admin("ALTER TABLE shop.hr.people SET TAGS ('pii' = 'true', 'owner_team' = 'people-ops')");
    await admin("ALTER TABLE shop.hr.people ALTER COLUMN email SET TAGS ('pii' = 'email')");
    await admin('CREATE VOLUME shop.hr.docs');
    await admin("SET TAG ON VOLUME shop.hr.docs classification = confidential");
    await expect(admin('SET TAG ON VOLUME shop.hr.docs classification = other')).rejects.toMatchObject({ message: expect.stringMatching(/TAG_ALREADY_EXISTS/) });
    await admin("ALTER TABLE shop.hr.people UNSET TAGS ('owner_team')");
    expect(await admin('SELECT tag_name, tag_value FROM shop.information_schema.table_tags')).toEqual([{ tag_name: 'pii', tag_value: 'true' }]);
    expect(await admin('SELECT column_name, tag_value FROM system.information_schema.column_tags')).toEqual([{ column_name: 'email', tag_value: 'email' }]);
    expect(await admin('SELECT tag_value FROM system.information_schema.volume_tags')).toEqual([{ tag_value: 'confidential' }]);
    await expect(eve("ALTER TABLE shop.hr.people SET TAGS ('x' = 'y')")).rejects.toMatchObject({ response: { sqlState: '42501' } });
  });
});
