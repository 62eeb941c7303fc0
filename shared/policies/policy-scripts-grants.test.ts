import { describe, expect, it } from 'vitest';
import { policySet } from './policies.test-support';
import { exportPolicyScripts } from './policy-scripts';

/** The exported scripts for a file without tag masks but with a grant: the uninstall script revokes what it grants, and says why. */
const set = policySet({
  policies: [
    { name: 'hash-emails', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'] },
    { name: 'analysts', type: 'grant', privileges: ['SELECT'], securable: 'main.sales', principals: ['data-analysts'] },
  ],
  columnTypes: { 'main.sales.customers.email': 'string' },
});
// Exported inside each test: Stryker counts a mutant covered only by code a test itself runs.
const scripts = () => exportPolicyScripts(set, 'ucb').map((f) => f.content.split('\n'));

describe('policy scripts with a grant and no tag mask', () => {
  it('write no ABAC note in the set-up header', () => {
    const [setup] = scripts();
    expect(setup!.slice(3, 6)).toEqual([
      '-- Policies:               hash-emails, analysts',
      '-- Run as: the owner of the integration catalog, with MANAGE (or ownership) on every table, schema and catalog the policies name, and the right to grant what they grant.',
      '-- Every statement is idempotent: running the script again changes nothing.',
    ]);
  });

  it('revoke every privilege they grant on uninstall, assuming none was held before, and say so', () => {
    const uninstall = scripts()[1];
    expect(uninstall![5]).toBe('-- No record of an earlier apply was used: this uninstall assumes nothing the policies create or grant existed before, and revokes every privilege they grant.');
    expect(uninstall!.slice(9, 11)).toEqual(['-- Undo: grant SELECT on schema main.sales to data-analysts — "analysts" [undo:grant:schema:main.sales:data-analysts]', 'REVOKE SELECT ON SCHEMA `main`.`sales` FROM `data-analysts`;']);
  });
});
