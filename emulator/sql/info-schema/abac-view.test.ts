import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../../warehouse/testing/test-warehouse';

/**
 * INFORMATION_SCHEMA.ABAC_POLICY_DEFINITIONS through the real driver, as documented
 * (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/abac_policy_definitions): one row per
 * policy with its attachment, type, principals, WHEN and MATCH COLUMNS; visible to who owns or manages the securable
 * the policy is attached to; `system.information_schema` lists the whole metastore's.
 */
let w: TestWarehouse;
const as = sessionsFor(() => w);
const admin = async (sql: string) => query(await as('admin@example.com'), sql);
const eve = async (sql: string) => query(await as('eve@example.com'), sql);

beforeAll(async () => {
  w = await startTestWarehouse();
  await admin('CREATE CATALOG crm');
  await admin('CREATE SCHEMA crm.people');
  await admin('CREATE TABLE crm.people.contacts (id INT, phone STRING, region STRING)');
  await admin('GRANT USE CATALOG, USE SCHEMA, SELECT ON CATALOG crm TO `account users`');
  await admin("CREATE FUNCTION crm.people.last4(v STRING) RETURNS STRING RETURN concat('***', right(v, 4))");
  await admin("CREATE FUNCTION crm.people.emea(r STRING) RETURNS BOOLEAN RETURN r = 'EMEA'");
});
afterAll(async () => w.close());

describe('information_schema.abac_policy_definitions', () => {
  it('lists each policy with its documented columns, by the names of where it is attached', async () => {
    expect(await admin('SELECT * FROM system.information_schema.abac_policy_definitions')).toEqual([]);
    await admin("CREATE POLICY phones ON SCHEMA crm.people COLUMN MASK crm.people.last4 TO `account users` EXCEPT `admins` FOR TABLES MATCH COLUMNS hasTagValue('pii', 'phone') AS c ON COLUMN c");
    await admin("CREATE POLICY emea ON TABLE crm.people.contacts ROW FILTER crm.people.emea TO `account users` FOR TABLES WHEN hasTag('regional') MATCH COLUMNS hasTag('region') AS r USING COLUMNS (r)");
    const rows = await admin('SELECT policy_name, policy_type, catalog_name, schema_name, securable_name, on_securable_type, to_principals, except_principals, for_securable_type, privileges, when_condition, match_columns FROM system.information_schema.abac_policy_definitions ORDER BY policy_name');
    expect(rows).toEqual([
      { policy_name: 'emea', policy_type: 'ROW_FILTER', catalog_name: 'crm', schema_name: 'people', securable_name: 'contacts', on_securable_type: 'TABLE', to_principals: ['account users'], except_principals: [], for_securable_type: 'TABLE', privileges: null, when_condition: "hasTag('regional')", match_columns: ["hasTag('region') AS r"] },
      { policy_name: 'phones', policy_type: 'COLUMN_MASK', catalog_name: 'crm', schema_name: 'people', securable_name: null, on_securable_type: 'SCHEMA', to_principals: ['account users'], except_principals: ['admins'], for_securable_type: 'TABLE', privileges: null, when_condition: null, match_columns: ["hasTagValue('pii', 'phone') AS c"] },
    ]);
    expect(await admin("SELECT count(*) AS n FROM crm.information_schema.abac_policy_definitions")).toEqual([{ n: 2 }]);
  });

  it('shows a reader only the policies on securables it owns or manages (the access pattern of DESCRIBE POLICY)', async () => {
    expect(await eve('SELECT policy_name FROM system.information_schema.abac_policy_definitions')).toEqual([]);
    await admin('GRANT MANAGE ON TABLE crm.people.contacts TO `eve@example.com`');
    expect(await eve('SELECT policy_name FROM system.information_schema.abac_policy_definitions')).toEqual([{ policy_name: 'emea' }]);
  });
});
