import type { UnityCatalog } from '../catalog/unity-catalog';
import { principalNamed } from './catalog-demo-grants';
import type { SeedSql } from './catalog-sql-runner';

const GOVERNANCE = [
  `CREATE TABLE main.governance.region_access (group_name STRING, region STRING) COMMENT 'Which group may see which region'`,
  `INSERT INTO main.governance.region_access VALUES ('data-analysts', 'NA'), ('data-analysts', 'EMEA'), ('finance-analysts', 'NA'), ('finance-analysts', 'EMEA'), ('finance-analysts', 'APAC'), ('finance-analysts', 'LATAM')`,
  `CREATE FUNCTION main.governance.mask_email(email STRING) RETURNS STRING COMMENT 'Hides the local part unless governance or admin'
     RETURN CASE WHEN is_account_group_member('data-governance') OR is_account_group_member('admins') THEN email ELSE regexp_replace(email, '^[^@]+', '***') END`,
  `CREATE FUNCTION main.governance.mask_national_id(id STRING) RETURNS STRING COMMENT 'Last four digits only, except for admins'
     RETURN CASE WHEN is_account_group_member('admins') THEN id ELSE concat('***-**-', right(id, 4)) END`,
  `CREATE FUNCTION main.governance.region_filter(region STRING) RETURNS BOOLEAN COMMENT 'Rows of the regions that the groups of the reader may see'
     RETURN is_account_group_member('admins') OR EXISTS (SELECT 1 FROM main.governance.region_access a WHERE a.region = region AND is_account_group_member(a.group_name))`,
  `ALTER TABLE hr.people.employees ALTER COLUMN national_id SET MASK main.governance.mask_national_id`,
  `ALTER TABLE hr.payroll.salaries SET ROW FILTER main.governance.region_filter ON (region)`,
];

const ENGINEERED = [
  `CREATE TABLE analytics.customer_360.customer_profile COMMENT 'Customers with their order history' AS
     SELECT c.customer_id, c.first_name, c.last_name, c.email, c.region, count(o.order_id) AS orders, coalesce(sum(o.total_amount), 0) AS lifetime_spend
     FROM main.sales.customers c LEFT JOIN main.sales.orders o ON o.customer_id = c.customer_id GROUP BY ALL`,
  `CREATE TABLE analytics.customer_360.lifetime_value AS
     SELECT customer_id, lifetime_spend, CASE WHEN lifetime_spend > 2000 THEN 'high' WHEN lifetime_spend > 500 THEN 'medium' ELSE 'low' END AS segment
     FROM analytics.customer_360.customer_profile`,
  `CREATE TABLE analytics.gold.daily_sales COMMENT 'Revenue per day, region and channel' AS
     SELECT CAST(order_ts AS DATE) AS sales_date, region, channel, count(*) AS orders, sum(total_amount) AS revenue FROM main.sales.orders GROUP BY ALL`,
  `INSERT INTO analytics.gold.daily_sales
     SELECT CAST(txn_ts AS DATE), region, 'store', count(*), CAST(sum(amount) AS DECIMAL(22,2)) FROM raw.pos.transactions_raw GROUP BY ALL`,
  `CREATE TABLE analytics.gold.region_performance AS SELECT region, sum(revenue) AS revenue, sum(orders) AS orders FROM analytics.gold.daily_sales GROUP BY region`,
  `CREATE TABLE analytics.gold.product_sales AS
     SELECT i.sku, p.category, sum(i.quantity) AS units, sum(i.quantity * i.unit_price) AS revenue
     FROM main.sales.order_items i JOIN main.sales.products p ON p.sku = i.sku GROUP BY ALL`,
];

const ADMIN_DERIVED = [
  `CREATE TABLE finance.reporting.revenue_by_region AS
     SELECT region, date_trunc('month', posted_on) AS month, sum(amount) AS revenue FROM finance.ledger.gl_entries WHERE account = '4000-Revenue' GROUP BY ALL`,
  `CREATE TABLE hr.people.headcount_by_department AS SELECT department, count(*) AS headcount FROM hr.people.employees GROUP BY department`,
  `CREATE VIEW hr.people.v_directory COMMENT 'Staff directory without personal data' AS
     SELECT employee_id, first_name, last_name, work_email, department, job_title FROM hr.people.employees`,
  `CREATE VIEW finance.reporting.v_open_invoices AS
     SELECT i.invoice_id, i.amount, i.currency, i.due_on, v.name AS vendor FROM finance.ledger.invoices i JOIN finance.ledger.vendors v ON v.vendor_id = i.vendor_id WHERE NOT i.paid`,
  `CREATE VIEW main.sales.v_recent_orders AS SELECT * FROM main.sales.orders WHERE order_ts >= TIMESTAMP'2025-06-01 00:00:00'`,
];

/** Queries people ran, with the clients they use: the audit and query history a crawler finds. */
const USAGE: readonly (readonly [who: string, userAgent: string, sql: string])[] = [
  ['Siobhán O\'Brien', 'Tableau/2024.1 (Databricks JDBC 2.6.40)', 'SELECT region, sum(revenue) FROM analytics.gold.daily_sales GROUP BY region'],
  ['Siobhán O\'Brien', 'Tableau/2024.1 (Databricks JDBC 2.6.40)', 'SELECT email, loyalty_tier FROM main.sales.customers LIMIT 50'],
  ['Zoë Müller', 'Databricks SQL Editor', 'SELECT campaign_id, count(*) FROM main.marketing.email_events WHERE event = \'click\' GROUP BY campaign_id'],
  ['José Núñez', 'PowerBI/2.130 (Simba Spark ODBC)', 'SELECT * FROM finance.reporting.revenue_by_region ORDER BY month'],
  ['José Núñez', 'PowerBI/2.130 (Simba Spark ODBC)', 'SELECT region, avg(base_salary) FROM hr.payroll.salaries GROUP BY region'],
  ['bi-dashboards', 'Databricks Dashboards', 'SELECT sales_date, revenue FROM analytics.gold.daily_sales ORDER BY sales_date DESC LIMIT 30'],
  ['Zoë Müller', 'Databricks SQL Editor', 'SELECT national_id FROM hr.people.employees LIMIT 5'],
];

/** Policy functions, derived tables and views (their lineage), and a history of use. */
export async function demoDerived(uc: UnityCatalog, sql: SeedSql, admin: string): Promise<void> {
  for (const statement of GOVERNANCE) await sql.run(admin, statement);
  const builder = uc.identities.all().find((p) => p.kind === 'user' && uc.identities.groupsOf(p.id).has('data-engineers'))?.name ?? admin;
  for (const statement of ENGINEERED) await sql.run(builder, statement, 'dbt/1.9.1 (databricks-sql-connector 3.7)');
  for (const statement of ADMIN_DERIVED) await sql.run(admin, statement);
  for (const [who, userAgent, statement] of USAGE) {
    const principal = principalNamed(uc, who);
    if (principal === undefined) continue;
    // Denials are part of a real history too (the last query is refused).
    await sql.run(principal, statement, userAgent).catch(() => undefined);
  }
}
