import { describe, expect, it } from 'vitest';
import { abacDrafts, filterDrafts, grantDraft, maskDrafts } from './compile-steps';
import { policySet } from './policies.test-support';
import type { ColumnMaskPolicy, RowFilterPolicy } from './policy-model';

/**
 * Each step kind's exact statement, purpose (what the plan and the exported script show the admin), undo statement
 * and record item: the record is what uninstall and later re-plans work from, so a wrong inverse or a missing
 * `undoAfter` would leave objects behind or drop a function a mask still uses. Function names and comment hashes
 * are pinned too: a re-plan must name the same function the same way, and the comment's hash is how marking tells
 * an unchanged function from a changed one.
 */
const set = policySet({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['gov'] },
    { name: 'hash-emails-too', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['audit', 'gov'] },
    { name: 'null-births', type: 'columnMask', method: 'nullify', columns: ['main.sales.customers.birth'] },
    { name: 'by-region', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { userAttribute: 'region' }, exempt: ['admins'] },
    { name: 'by-amount', type: 'rowFilter', table: 'main.sales.orders', column: 'amount', match: { groupValues: { analysts: ['10', '20'], auditors: ['*'] } }, exempt: ['finance'] },
    { name: 'open', type: 'rowFilter', table: 'main.sales.orders', column: 'region', match: { groupValues: { everyone: ['*'] } } },
    { name: 'phones', type: 'columnMask', method: { keepLast: 4 }, tag: { key: 'pii', value: 'phone' }, scope: 'main', exempt: ['g1', 'g2'] },
    { name: 'pii', type: 'columnMask', method: 'redact', tag: { key: 'pii' }, scope: 'main.sales' },
  ],
});
const byName = new Map(set.policies.map((p) => [p.name, p]));
const maskPolicy = (n: string) => byName.get(n) as ColumnMaskPolicy;
const filterPolicy = (n: string) => byName.get(n) as RowFilterPolicy;
const fn = (name: string) => ['ucb', 'policies', name];
const dropFn = (name: string) => `DROP FUNCTION IF EXISTS \`ucb\`.\`policies\`.\`${name}\``;

describe('a column mask', () => {
  // Compiled inside each test: Stryker counts a mutant covered only by code a test itself runs.
  const build = () => maskDrafts('ucb', { table: ['main', 'sales', 'customers'], column: 'email', type: 'STRING', method: 'hash', policies: [maskPolicy('hash-emails'), maskPolicy('hash-emails-too')] });
  const core = 'mask_main_sales_customers_email_84c965af_core';
  const attached = 'mask_main_sales_customers_email_84c965af';

  it('creates the core function (principal and groups explicit, clear only for who is exempt from every policy) first', () => {
    const { drafts } = build();
    const purpose = 'Create the core function of the mask on main.sales.customers.email (takes the principal explicitly, for preview)';
    const comment = 'ucbridge policy hash-emails, hash-emails-too #400d2a625528a060';
    expect(drafts[0]).toEqual({
      id: `fn:${core}`,
      sql: `CREATE OR REPLACE FUNCTION \`ucb\`.\`policies\`.\`${core}\`(\`masked_value\` STRING, \`for_principal\` STRING, \`member_groups\` ARRAY<STRING>) RETURNS STRING COMMENT '${comment}' RETURN CASE WHEN (array_contains(member_groups, 'gov')) AND (array_contains(member_groups, 'audit') OR array_contains(member_groups, 'gov')) THEN masked_value ELSE sha2(masked_value, 256) END`,
      purpose,
      dependsOn: [],
      inverse: dropFn(core),
      // Uninstall drops the core only after the attached function that calls it.
      record: { id: `fn:${core}`, kind: 'function', inverse: dropFn(core), purpose, undoAfter: [`fn:${attached}`], object: fn(core) },
      expect: { kind: 'function', name: core, comment },
    });
  });

  it('then the attached function, calling the core as the current user with the exempt groups it is in (each once)', () => {
    const { drafts } = build();
    const purpose = 'Create the mask function for main.sales.customers.email: it calls the core function as the current user';
    const comment = 'ucbridge policy hash-emails, hash-emails-too #5ebe1430ae2f1361';
    expect(drafts[1]).toEqual({
      id: `fn:${attached}`,
      sql: `CREATE OR REPLACE FUNCTION \`ucb\`.\`policies\`.\`${attached}\`(\`masked_value\` STRING) RETURNS STRING COMMENT '${comment}' RETURN \`ucb\`.\`policies\`.\`${core}\`(\`masked_value\`, current_user(), array_compact(array(CASE WHEN is_account_group_member('gov') THEN 'gov' END, CASE WHEN is_account_group_member('audit') THEN 'audit' END)))`,
      purpose,
      dependsOn: [`fn:${core}`],
      inverse: dropFn(attached),
      record: { id: `fn:${attached}`, kind: 'function', inverse: dropFn(attached), purpose, undoAfter: ['mask:main.sales.customers.email'], object: fn(attached) },
      expect: { kind: 'function', name: attached, comment },
    });
  });

  it('then sets the mask on the column, undone by DROP MASK, naming the exempt groups and the policies', () => {
    const { drafts, pair } = build();
    const purpose = 'Mask main.sales.customers.email (hash) for everyone outside the exempt groups gov, audit — "hash-emails", "hash-emails-too"';
    const inverse = 'ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `email` DROP MASK';
    expect(drafts[2]).toEqual({
      id: 'mask:main.sales.customers.email',
      sql: `ALTER TABLE \`main\`.\`sales\`.\`customers\` ALTER COLUMN \`email\` SET MASK \`ucb\`.\`policies\`.\`${attached}\``,
      purpose,
      dependsOn: [`fn:${attached}`],
      inverse,
      record: { id: 'mask:main.sales.customers.email', kind: 'mask', inverse, purpose, undoAfter: [], object: ['main', 'sales', 'customers'], column: 'email' },
      expect: { kind: 'mask', table: ['main', 'sales', 'customers'], column: 'email', fn: fn(attached) },
    });
    expect(drafts).toHaveLength(3);
    expect(pair).toEqual({ core: fn(core), attached: fn(attached) });
  });

  it('masks everyone when no policy exempts anybody (no CASE, no groups passed) and says so', () => {
    const d = maskDrafts('ucb', { table: ['main', 'sales', 'customers'], column: 'birth', type: 'DATE', method: 'nullify', policies: [maskPolicy('null-births')] }).drafts;
    expect(d.map((x) => [x.sql, x.purpose])).toEqual([
      [
        "CREATE OR REPLACE FUNCTION `ucb`.`policies`.`mask_main_sales_customers_birth_e6f6696e_core`(`masked_value` DATE, `for_principal` STRING, `member_groups` ARRAY<STRING>) RETURNS DATE COMMENT 'ucbridge policy null-births #78131b0af3b5d9fe' RETURN CAST(NULL AS DATE)",
        'Create the core function of the mask on main.sales.customers.birth (takes the principal explicitly, for preview)',
      ],
      [
        "CREATE OR REPLACE FUNCTION `ucb`.`policies`.`mask_main_sales_customers_birth_e6f6696e`(`masked_value` DATE) RETURNS DATE COMMENT 'ucbridge policy null-births #62fea1f075c57ef5' RETURN `ucb`.`policies`.`mask_main_sales_customers_birth_e6f6696e_core`(`masked_value`, current_user(), CAST(array() AS ARRAY<STRING>))",
        'Create the mask function for main.sales.customers.birth: it calls the core function as the current user',
      ],
      ['ALTER TABLE `main`.`sales`.`customers` ALTER COLUMN `birth` SET MASK `ucb`.`policies`.`mask_main_sales_customers_birth_e6f6696e`', 'Mask main.sales.customers.birth (nullify) for everyone — "null-births"'],
    ]);
  });

  it('says "the exempt group" for one group', () => {
    const d = maskDrafts('ucb', { table: ['main', 'sales', 'customers'], column: 'email', type: 'STRING', method: 'hash', policies: [maskPolicy('hash-emails')] }).drafts;
    expect(d[2]!.purpose).toBe('Mask main.sales.customers.email (hash) for everyone outside the exempt group gov — "hash-emails"');
  });
});

describe('a row filter', () => {
  const target = { table: ['main', 'sales', 'orders'] as const, columns: [{ name: 'Region', type: 'STRING' }, { name: 'amount', type: 'DOUBLE' }], policies: [filterPolicy('by-region'), filterPolicy('by-amount')] };
  const build = () => filterDrafts('ucb', target);
  const core = 'filter_main_sales_orders_c354d9ed_core';
  const attached = 'filter_main_sales_orders_c354d9ed';

  it('creates a core function over every filtered column: each policy must let the row through', () => {
    const { drafts } = build();
    const purpose = 'Create the core function of the row filter on main.sales.orders (takes the principal explicitly, for preview)';
    const comment = 'ucbridge policy by-region, by-amount #5b7bd2aac9683300';
    expect(drafts[0]).toEqual({
      id: `fn:${core}`,
      sql:
        `CREATE OR REPLACE FUNCTION \`ucb\`.\`policies\`.\`${core}\`(\`for_principal\` STRING, \`member_groups\` ARRAY<STRING>, \`col_1\` STRING, \`col_2\` DOUBLE) RETURNS BOOLEAN COMMENT '${comment}' RETURN ` +
        "(array_contains(member_groups, 'admins') OR EXISTS (SELECT 1 FROM `ucb`.`entitlements`.`principal_attributes` AS a WHERE lower(a.principal) = lower(for_principal) AND a.attribute = 'region' AND a.value = CAST(col_1 AS STRING))) AND " +
        "(array_contains(member_groups, 'finance') OR (array_contains(member_groups, 'analysts') AND CAST(col_2 AS STRING) IN ('10', '20')) OR array_contains(member_groups, 'auditors'))",
      purpose,
      dependsOn: [],
      inverse: dropFn(core),
      record: { id: `fn:${core}`, kind: 'function', inverse: dropFn(core), purpose, undoAfter: [`fn:${attached}`], object: fn(core) },
      expect: { kind: 'function', name: core, comment },
    });
  });

  it('then the attached function, passing the groups of both the exempt lists and the group matches', () => {
    const { drafts } = build();
    const purpose = 'Create the row filter function for main.sales.orders: it calls the core function as the current user';
    const comment = 'ucbridge policy by-region, by-amount #85ae068566fdce6d';
    const groups = ['admins', 'finance', 'analysts', 'auditors'].map((g) => `CASE WHEN is_account_group_member('${g}') THEN '${g}' END`).join(', ');
    expect(drafts[1]).toEqual({
      id: `fn:${attached}`,
      sql: `CREATE OR REPLACE FUNCTION \`ucb\`.\`policies\`.\`${attached}\`(\`col_1\` STRING, \`col_2\` DOUBLE) RETURNS BOOLEAN COMMENT '${comment}' RETURN \`ucb\`.\`policies\`.\`${core}\`(current_user(), array_compact(array(${groups})), \`col_1\`, \`col_2\`)`,
      purpose,
      dependsOn: [`fn:${core}`],
      inverse: dropFn(attached),
      record: { id: `fn:${attached}`, kind: 'function', inverse: dropFn(attached), purpose, undoAfter: ['filter:main.sales.orders'], object: fn(attached) },
      expect: { kind: 'function', name: attached, comment },
    });
  });

  it('then sets the row filter on the columns as the table declares them, undone by DROP ROW FILTER', () => {
    const { drafts, pair, columns } = build();
    const purpose = 'Filter the rows of main.sales.orders by "by-region" and "by-amount"; the exempt groups admins, finance see every row';
    const inverse = 'ALTER TABLE `main`.`sales`.`orders` DROP ROW FILTER';
    expect(drafts[2]).toEqual({
      id: 'filter:main.sales.orders',
      sql: `ALTER TABLE \`main\`.\`sales\`.\`orders\` SET ROW FILTER \`ucb\`.\`policies\`.\`${attached}\` ON (\`Region\`, \`amount\`)`,
      purpose,
      dependsOn: [`fn:${attached}`],
      inverse,
      record: { id: 'filter:main.sales.orders', kind: 'filter', inverse, purpose, undoAfter: [], object: ['main', 'sales', 'orders'] },
      expect: { kind: 'filter', table: ['main', 'sales', 'orders'], fn: fn(attached) },
    });
    expect(drafts).toHaveLength(3);
    expect(pair).toEqual({ core: fn(core), attached: fn(attached) });
    expect(columns).toEqual(['Region', 'amount']);
  });

  it('says who sees every row in the plan: nobody, one group, or several', () => {
    const purpose = (policies: RowFilterPolicy[]) => filterDrafts('ucb', { table: ['main', 'sales', 'orders'], columns: [{ name: 'region', type: 'STRING' }], policies }).drafts[2]!.purpose;
    expect(purpose([filterPolicy('open')])).toBe('Filter the rows of main.sales.orders by "open"; no exempt group sees every row');
    expect(purpose([filterPolicy('by-region')])).toBe('Filter the rows of main.sales.orders by "by-region"; the exempt group admins sees every row');
  });

  it('names the function by its columns (letter case of the name and the type ignored): a new column type is a new function', () => {
    const nameFor = (columns: { name: string; type: string }[]) => filterDrafts('ucb', { table: ['main', 'sales', 'orders'], columns, policies: [filterPolicy('open')] }).pair.attached[2];
    const base = nameFor([{ name: 'region', type: 'STRING' }]);
    expect(nameFor([{ name: 'REGION', type: 'string' }])).toBe(base);
    // CREATE OR REPLACE cannot change a function's parameters: another signature needs another name.
    expect(nameFor([{ name: 'region', type: 'INT' }])).not.toBe(base);
    expect(nameFor([{ name: 'zone', type: 'STRING' }])).not.toBe(base);
  });
});

describe('a tag-targeted (ABAC) mask', () => {
  it('writes one policy for every column tagged with the value, except the exempt groups, undone by DROP POLICY', () => {
    const { drafts, pair } = abacDrafts('ucb', { policy: maskPolicy('phones'), on: 'CATALOG', securable: ['main'] });
    const core = 'tagmask_phones_fb721541_core';
    const attached = 'tagmask_phones_fb721541';
    expect(drafts.map((d) => [d.id, d.purpose, d.dependsOn, d.record.undoAfter])).toEqual([
      [`fn:${core}`, 'Create the core function of the mask on columns tagged pii (takes the principal explicitly, for preview)', [], [`fn:${attached}`]],
      [`fn:${attached}`, 'Create the mask function for columns tagged pii: it calls the core function as the current user', [`fn:${core}`], ['abac:catalog:main:phones']],
      ['abac:catalog:main:phones', 'ABAC policy "phones": mask (keep last 4) every column tagged pii = phone in main, now and later, except for g1, g2', [`fn:${attached}`], []],
    ]);
    expect(drafts[0]!.sql).toBe(
      `CREATE OR REPLACE FUNCTION \`ucb\`.\`policies\`.\`${core}\`(\`masked_value\` STRING, \`for_principal\` STRING, \`member_groups\` ARRAY<STRING>) RETURNS STRING COMMENT 'ucbridge policy phones #15d9cb05a3c3045e' RETURN CASE WHEN (array_contains(member_groups, 'g1') OR array_contains(member_groups, 'g2')) THEN masked_value ELSE concat(repeat('*', greatest(length(masked_value) - 4, 0)), right(masked_value, 4)) END`,
    );
    const comment = 'ucbridge policy phones #67e0625d1f43676d';
    const inverse = 'DROP POLICY `phones` ON CATALOG `main`';
    const purpose = drafts[2]!.purpose;
    expect(drafts[2]).toEqual({
      id: 'abac:catalog:main:phones',
      sql: `CREATE OR REPLACE POLICY \`phones\` ON CATALOG \`main\` COMMENT '${comment}' COLUMN MASK \`ucb\`.\`policies\`.\`${attached}\` TO \`account users\` EXCEPT \`g1\`, \`g2\` FOR TABLES MATCH COLUMNS hasTagValue('pii', 'phone') AS c ON COLUMN c`,
      purpose,
      dependsOn: [`fn:${attached}`],
      inverse,
      record: { id: 'abac:catalog:main:phones', kind: 'abac', inverse, purpose, undoAfter: [], object: ['CATALOG', 'main', 'phones'] },
      expect: { kind: 'abac', on: 'CATALOG', securable: ['main'], name: 'phones', comment },
    });
    expect(pair).toEqual({ core: fn(core), attached: fn(attached) });
  });

  it('matches a key-only tag with hasTag, has no EXCEPT when nobody is exempt, and works on a schema', () => {
    const { drafts } = abacDrafts('ucb', { policy: maskPolicy('pii'), on: 'SCHEMA', securable: ['main', 'sales'] });
    expect(drafts[0]!.sql).toMatch(/`tagmask_pii_[0-9a-f]{8}_core`\(`masked_value` STRING, .* RETURNS STRING COMMENT 'ucbridge policy pii #[0-9a-f]{16}' RETURN '\*\*\*\*'$/);
    expect(drafts[2]!.sql).toMatch(
      /^CREATE OR REPLACE POLICY `pii` ON SCHEMA `main`\.`sales` COMMENT 'ucbridge policy pii #[0-9a-f]{16}' COLUMN MASK `ucb`\.`policies`\.`tagmask_pii_[0-9a-f]{8}` TO `account users` FOR TABLES MATCH COLUMNS hasTag\('pii'\) AS c ON COLUMN c$/,
    );
    expect(drafts[2]!.purpose).toBe('ABAC policy "pii": mask (redact) every column tagged pii in main.sales, now and later, except for nobody');
    expect(drafts[2]!.inverse).toBe('DROP POLICY `pii` ON SCHEMA `main`.`sales`');
    expect(drafts[2]!.record.object).toEqual(['SCHEMA', 'main', 'sales', 'pii']);
  });

  it('changes the policy comment when what it matches or exempts changes (so a re-plan replaces it)', () => {
    const comment = (p: ColumnMaskPolicy) => abacDrafts('ucb', { policy: p, on: 'CATALOG', securable: ['main'] }).drafts[2]!.expect;
    const base = maskPolicy('phones');
    const c = (x: ReturnType<typeof comment>) => (x.kind === 'abac' ? x.comment : '');
    expect(c(comment({ ...base, exempt: ['g1'] }))).not.toBe(c(comment(base)));
    expect(c(comment({ ...base, tag: { key: 'pii', value: 'email' } }))).not.toBe(c(comment(base)));
  });
});

describe('a grant', () => {
  it('grants the privileges, revokes the same ones on undo, and keeps principal and privileges in the record', () => {
    const d = grantDraft({ securable: 'TABLE', name: ['main', 'sales', 'orders'], principal: 'data-analysts', privileges: ['SELECT', 'MODIFY'], policies: ['p1', 'p2'] });
    const purpose = 'Grant SELECT, MODIFY on table main.sales.orders to data-analysts — "p1", "p2"';
    const inverse = 'REVOKE SELECT, MODIFY ON TABLE `main`.`sales`.`orders` FROM `data-analysts`';
    expect(d).toEqual({
      id: 'grant:table:main.sales.orders:data-analysts',
      sql: 'GRANT SELECT, MODIFY ON TABLE `main`.`sales`.`orders` TO `data-analysts`',
      purpose,
      dependsOn: [],
      inverse,
      record: { id: 'grant:table:main.sales.orders:data-analysts', kind: 'grant', inverse, purpose, undoAfter: [], object: ['TABLE', 'main', 'sales', 'orders'], principal: 'data-analysts', privileges: ['SELECT', 'MODIFY'] },
      expect: { kind: 'grant', target: { securable: 'TABLE', name: ['main', 'sales', 'orders'], principal: 'data-analysts', privileges: ['SELECT', 'MODIFY'], policies: ['p1', 'p2'] } },
    });
  });
});
