import type { ObservedColumn, ObservedTable, PolicyObservation } from './observation';
import { parsePolicyFile } from './policy-file';
import type { PolicySet } from './policy-model';

/** Policy sets and observations for compiler tests. */
export function policySet(doc: unknown): PolicySet {
  const r = parsePolicyFile(JSON.stringify(doc), 'json');
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.value;
}

export const col = (name: string, type: string, tags: Record<string, string> = {}): ObservedColumn => ({ name, type, tags });

export function observation(tables: readonly (readonly [string, readonly ObservedColumn[], string?])[], patch: Partial<PolicyObservation> = {}): PolicyObservation {
  const map = new Map<string, ObservedTable>();
  for (const [full, columns, type] of tables) {
    const [c, s, t] = full.split('.') as [string, string, string];
    map.set(full.toLowerCase(), { name: [c, s, t], tableType: type ?? 'MANAGED', columns });
  }
  return { tables: map, masks: [], filters: [], functions: new Map(), abacPolicies: [], grants: [], abac: true, ...patch };
}

/** The demo tables the example policies name. */
export const salesTables = (): (readonly [string, readonly ObservedColumn[]])[] => [
  ['main.sales.customers', [col('id', 'int'), col('email', 'string'), col('phone', 'string', { pii: 'phone' }), col('birth', 'date'), col('credit', 'decimal(10,2)')]],
  ['main.sales.orders', [col('id', 'int'), col('region', 'string'), col('amount', 'double')]],
  ['main.crm.leads', [col('mobile', 'string', { pii: 'phone' }), col('score', 'int')]],
  ['finance.ledger.entries', [col('cost_center', 'string'), col('amount', 'decimal(12,2)')]],
];
