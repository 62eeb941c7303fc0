import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { col, observation, policySet, salesTables } from './policies.test-support';
import { previewSql, type PreviewState } from './preview-sql';

/**
 * Preview as a principal, as SQL: the principal and its groups go in as literals (no impersonation exists). Once
 * a mask or filter is in force it applies to the installer's own reads too, so the preview must not mask a masked
 * value again, and says what it cannot compute (policies-methods-sandbox.test.ts runs it on the sandbox).
 */
const IC = 'ucb';
const set = policySet({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'], exempt: ['gov'] },
    { name: 'ids', type: 'rowFilter', table: 'main.sales.customers', column: 'id', match: { groupValues: { analysts: ['1'] } }, exempt: ['gov'] },
  ],
});
const obs = observation(salesTables());
const compiled = compilePolicies(set, IC, obs, null);
const customers = obs.tables.get('main.sales.customers')!;
const before: PreviewState = { deployed: () => false, enforced: () => false };
const after: PreviewState = { deployed: () => true, enforced: () => true };

describe('preview SQL', () => {
  it('before apply evaluates the plan inline with the principal and its groups as literals; nothing to check', () => {
    const q = previewSql(compiled, IC, customers, "o'brien@x", ['analysts'], 20, before);
    expect(q.principalSql).toContain("CASE WHEN (array_contains(array('analysts'), 'gov')) THEN ucbridge_t.`email` ELSE sha2(ucbridge_t.`email`, 256) END");
    expect(q.principalSql).toContain("WHERE coalesce((array_contains(array('analysts'), 'gov') OR (array_contains(array('analysts'), 'analysts') AND CAST(ucbridge_t.`id` AS STRING) IN ('1'))), FALSE) LIMIT 20");
    expect(q).toMatchObject({ checksSql: null, checks: [], maskedColumns: ['email'], policies: ['hash-emails', 'ids'] });
  });

  it('after apply calls the core only where the installer reads the clear value, else keeps the installer’s masked value', () => {
    const q = previewSql(compiled, IC, customers, "o'brien@x", ['analysts'], 20, after);
    const installerClear = "(array_contains(array_compact(array(CASE WHEN is_account_group_member('gov') THEN 'gov' END)), 'gov'))";
    expect(q.principalSql).toMatch(
      new RegExp(`CASE WHEN ${installerClear.replace(/[()[\]*.?]/g, '\\$&')} THEN \`ucb\`\\.\`policies\`\\.\`mask_main_sales_customers_email_[0-9a-f]{8}_core\`\\(ucbridge_t\\.\`email\`, 'o\\\\'brien@x', array\\('analysts'\\)\\) WHEN \\(array_contains\\(array\\('analysts'\\), 'gov'\\)\\) THEN NULL ELSE ucbridge_t\\.\`email\` END`),
    );
    // The principal is not exempt: its masked value is the installer's when both are masked; only the filter is checked.
    expect(q.checks).toEqual([{ kind: 'filter' }]);
    expect(q.checksSql).toBe(`SELECT coalesce(${installerClear}, FALSE) AS \`check_0\``);
  });

  it('marks a column masked only for a principal not exempt from it, and checks the installer can read what that principal sees', () => {
    const q = previewSql(compiled, IC, customers, 'gov-user@x', ['gov'], 20, after);
    expect(q.maskedColumns).toEqual([]);
    expect(q.checks).toEqual([{ kind: 'column', column: 'email' }, { kind: 'filter' }]);
  });
});

describe('preview SQL, tag masks and the table as observed', () => {
  const tagged = compilePolicies(
    policySet({
      policies: [
        // Tag keys match whatever their letter case; the value must be equal.
        { name: 'phones', type: 'columnMask', method: { keepLast: 4 }, tag: { key: 'PII', value: 'phone' }, scope: 'main', exempt: ['gov'] },
        { name: 'credit', type: 'columnMask', method: 'redact', columns: ['main.sales.customers.credit'] },
        { name: 'ids', type: 'rowFilter', table: 'main.sales.customers', column: 'ID', match: { groupValues: { analysts: ['1'] } } },
      ],
    }),
    IC,
    obs,
    null,
  );
  const stepId = (prefix: string) => tagged.plan.steps.find((s) => s.id.startsWith(prefix))!.id;

  it('masks tagged columns of tables in the ABAC policy’s scope as text, cast back to the column’s type, and each mask inline before apply', () => {
    const q = previewSql(tagged, IC, customers, 'p@x', ['analysts'], 5, before);
    const phone = "CAST(ucbridge_t.`phone` AS STRING)";
    expect(q.principalSql).toBe(
      'SELECT ucbridge_t.`id` AS `id`, ucbridge_t.`email` AS `email`, ' +
        `CAST(CASE WHEN (array_contains(array('analysts'), 'gov')) THEN ${phone} ELSE concat(repeat('*', greatest(length(${phone}) - 4, 0)), right(${phone}, 4)) END AS STRING) AS \`phone\`, ` +
        'ucbridge_t.`birth` AS `birth`, CAST(CAST(NULL AS DECIMAL(10,2)) AS DECIMAL(10,2)) AS `credit` FROM `main`.`sales`.`customers` AS ucbridge_t ' +
        "WHERE coalesce(((array_contains(array('analysts'), 'analysts') AND CAST(ucbridge_t.`id` AS STRING) IN ('1'))), FALSE) LIMIT 5",
    );
    expect(q).toMatchObject({ installerSql: 'SELECT * FROM `main`.`sales`.`customers` LIMIT 5', columns: ['id', 'email', 'phone', 'birth', 'credit'], maskedColumns: ['credit', 'phone'], policies: ['credit', 'phones', 'ids'] });
    // Another catalog is outside the ABAC policy's scope.
    expect(previewSql(tagged, IC, obs.tables.get('finance.ledger.entries')!, 'p@x', [], 5, before)).toMatchObject({ maskedColumns: [], policies: [] });
  });

  it('after apply calls the core functions (the tag mask’s on the value as text, the filter’s on the declared column)', () => {
    const deployedOnly: PreviewState = { deployed: () => true, enforced: () => false };
    const q = previewSql(tagged, IC, customers, 'p@x', ['analysts'], 5, deployedOnly);
    expect(q.principalSql).toMatch(/CAST\(`ucb`\.`policies`\.`tagmask_phones_[0-9a-f]{8}_core`\(CAST\(ucbridge_t\.`phone` AS STRING\), 'p@x', array\('analysts'\)\) AS STRING\) AS `phone`/);
    expect(q.principalSql).toMatch(/CAST\(`ucb`\.`policies`\.`mask_main_sales_customers_credit_[0-9a-f]{8}_core`\(ucbridge_t\.`credit`, 'p@x', array\('analysts'\)\) AS DECIMAL\(10,2\)\) AS `credit`/);
    expect(q.countSql).toMatch(/^SELECT count\(\*\) AS total, coalesce\(sum\(CASE WHEN coalesce\(`ucb`\.`policies`\.`filter_main_sales_customers_[0-9a-f]{8}_core`\('p@x', array\('analysts'\), ucbridge_t\.`id`\), FALSE\) THEN 1 ELSE 0 END\), 0\) AS visible FROM `main`\.`sales`\.`customers` AS ucbridge_t$/);
    // Nothing enforced yet: the installer reads clear values, nothing to check.
    expect(q.checksSql).toBeNull();
  });

  it('reads a mask as already in force only for its own step, and keeps the installer’s masked value where nobody is exempt', () => {
    const onlyCredit: PreviewState = { deployed: () => true, enforced: (id) => id === stepId('mask:') };
    const q = previewSql(tagged, IC, customers, 'p@x', ['analysts'], 5, onlyCredit);
    expect(q.principalSql).toContain('CAST(ucbridge_t.`credit` AS DECIMAL(10,2)) AS `credit`');
    expect(q.principalSql).toContain('tagmask_phones_');
    expect(q.checks).toEqual([]);
    const onlyFilter: PreviewState = { deployed: () => true, enforced: (id) => id === stepId('filter:') };
    expect(previewSql(tagged, IC, customers, 'p@x', ['analysts'], 5, onlyFilter)).toMatchObject({ checks: [{ kind: 'filter' }], checksSql: 'SELECT coalesce(FALSE, FALSE) AS `check_0`' });
  });

  it('previews a table without policies as it is, and skips a masked column the table no longer has', () => {
    const q = previewSql(tagged, IC, obs.tables.get('main.sales.orders')!, 'p@x', [], 7, before);
    expect(q).toEqual({
      installerSql: 'SELECT * FROM `main`.`sales`.`orders` LIMIT 7',
      principalSql: 'SELECT ucbridge_t.`id` AS `id`, ucbridge_t.`region` AS `region`, ucbridge_t.`amount` AS `amount` FROM `main`.`sales`.`orders` AS ucbridge_t WHERE coalesce(TRUE, FALSE) LIMIT 7',
      countSql: 'SELECT count(*) AS total, coalesce(sum(CASE WHEN coalesce(TRUE, FALSE) THEN 1 ELSE 0 END), 0) AS visible FROM `main`.`sales`.`orders` AS ucbridge_t',
      checksSql: null,
      checks: [],
      columns: ['id', 'region', 'amount'],
      maskedColumns: [],
      policies: [],
    });
    const withoutCredit = { ...customers, columns: customers.columns.filter((c) => c.name !== 'credit') };
    expect(previewSql(tagged, IC, withoutCredit, 'p@x', [], 5, before)).toMatchObject({ columns: ['id', 'email', 'phone', 'birth'], maskedColumns: ['phone'], policies: ['phones', 'ids'] });
  });

  it('shows a nullify tag mask on a column of a type no mask is written for (an array) as NULL, cast to STRING', () => {
    // Databricks casts a mask's result to its column's type (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/common-patterns,
    // "Cast-compatible masking functions"), so the principal reads NULL. The preview writes only types column-types.ts
    // accepts into SQL, so it casts to the ABAC function's STRING instead: the value shown is the same NULL.
    const withTags = observation([['main.sales.people', [col('id', 'int'), col('tags', 'array<string>', { pii: 'list' })]]]);
    const nullified = compilePolicies(policySet({ policies: [{ name: 'lists', type: 'columnMask', method: 'nullify', tag: { key: 'pii' }, scope: 'main' }] }), IC, withTags, null);
    const q = previewSql(nullified, IC, withTags.tables.get('main.sales.people')!, 'p@x', [], 5, before);
    expect(q.principalSql).toMatch(/^SELECT ucbridge_t\.`id` AS `id`, CAST\(.* AS STRING\) AS `tags` FROM `main`\.`sales`\.`people` AS ucbridge_t /);
    expect(q.maskedColumns).toEqual(['tags']);
  });
});
