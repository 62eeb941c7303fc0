import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PolicySchema, type Policy, type PolicySet } from './policy-model';

/**
 * Reads a policy file, JSON or YAML (JSON is YAML, but JSON's own parser gives the clearer message for a `.json`
 * file). Every problem is reported, each naming the policy (by name, or by position when it has none) and the
 * field, so a user can fix the whole file at once. Nothing is returned while the file has a problem.
 */
export type PolicyFileResult = { readonly ok: true; readonly value: PolicySet } | { readonly ok: false; readonly problems: readonly string[] };

const TopSchema = z
  .object({
    policies: z.array(z.unknown()),
    columnTypes: z.record(z.string(), z.string().regex(/^[A-Za-z][A-Za-z0-9_(), ]*$/, 'is not a Databricks type name')).optional(),
  })
  .strict();

/** `policies[2].match.groupValues`: callers pass a non-empty path (an issue on the whole document is said otherwise). */
const fieldPath = (path: readonly PropertyKey[]): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** zod's stock wording, said the way the rest of the messages are. */
const issueText = (message: string): string => {
  if (/received undefined$/.test(message)) return 'is required';
  const expected = /^Invalid input: expected (\w+)/.exec(message);
  if (!expected) return message;
  return `must be ${expected[1] === 'array' ? 'a list' : `${/^[aeiou]/.test(expected[1]!) ? 'an' : 'a'} ${expected[1]}`}`;
};

const policyLabel = (raw: unknown, index: number): string => {
  const name = typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string' && raw.name.length > 0 ? raw.name : undefined;
  return name === undefined ? `policy #${index + 1}` : `policy "${name}" (#${index + 1})`;
};

function parseText(text: string, format: 'json' | 'yaml' | 'auto'): { value: unknown } | { problem: string } {
  const asJson = format === 'json' || (format === 'auto' && /^\s*[[{]/.test(text));
  try {
    return { value: asJson ? (JSON.parse(text) as unknown) : (parseYaml(text, { maxAliasCount: 100 }) as unknown) };
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : 'unreadable';
    return { problem: `The policy file is not valid ${asJson ? 'JSON' : 'YAML'}: ${detail}` };
  }
}

export function parsePolicyFile(text: string, format: 'json' | 'yaml' | 'auto' = 'auto'): PolicyFileResult {
  const parsed = parseText(text, format);
  if ('problem' in parsed) return { ok: false, problems: [parsed.problem] };
  return validatePolicyDocument(parsed.value);
}

/** The same checks for a document already parsed (the UI's form builds the object directly). */
export function validatePolicyDocument(doc: unknown): PolicyFileResult {
  const top = TopSchema.safeParse(doc);
  if (!top.success) {
    return { ok: false, problems: top.error.issues.map((i) => `The policy file${i.path.length ? ` field ${fieldPath(i.path)}` : ''}: ${i.path.length === 0 ? 'expected an object with a "policies" list' : issueText(i.message)}`) };
  }
  const problems: string[] = [];
  const policies: Policy[] = [];
  top.data.policies.forEach((raw, index) => {
    const r = PolicySchema.safeParse(raw);
    if (r.success) policies.push(r.data);
    else for (const i of r.error.issues) problems.push(`${policyLabel(raw, index)}: ${i.path.length ? `field "${fieldPath(i.path)}" ` : ''}${issueText(i.message)}`);
  });
  const seen = new Map<string, number>();
  policies.forEach((p, index) => {
    const key = p.name.toLowerCase();
    if (seen.has(key)) problems.push(`policy "${p.name}": the name is used twice (#${seen.get(key)! + 1} and another); names must be unique (letter case ignored)`);
    else seen.set(key, index);
  });
  if (problems.length > 0) return { ok: false, problems };
  const columnTypes = Object.fromEntries(Object.entries(top.data.columnTypes ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim().toUpperCase()]));
  return { ok: true, value: { policies, columnTypes } };
}
