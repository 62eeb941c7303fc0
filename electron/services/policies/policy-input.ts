import { parsePolicyFile } from '../../../shared/policies/policy-file';
import type { PolicySet } from '../../../shared/policies/policy-model';
import { splitDottedName } from '../../../shared/policies/dotted-name';
import type { Parts3 } from '../../../shared/policies/observation';
import { PolicyRefusal } from '../../../shared/policies/compile';
import { fail } from '../../../shared/result';

/** The policy text as the user gave it, or a refusal listing every problem (policy and field named). */
export function policySetFrom(text: string, format: 'json' | 'yaml' | 'auto'): PolicySet {
  const r = parsePolicyFile(text, format);
  if (!r.ok) throw new PolicyRefusal(r.problems);
  return r.value;
}

/** `catalog.schema.table` as typed (backticks for parts with dots), lower-case as Unity Catalog stores it. */
export function tableFrom(text: string): Parts3 {
  const split = splitDottedName(text.trim());
  if ('problem' in split || split.parts.length !== 3) return fail('BAD_REQUEST', `"${text}" is not a table name: give catalog.schema.table.`);
  const [c, s, t] = split.parts.map((p) => p.toLowerCase()) as [string, string, string];
  return [c, s, t];
}
