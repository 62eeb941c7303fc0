import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { observation, policySet, salesTables } from './policies.test-support';
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
