import { planHash } from '../integration/plan-hash';
import type { Plan, PlanStep } from '../integration/plan-types';
import { boundedStepId } from '../integration/step-id';
import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import { parseTarget, tagProblem, TAGS_PER_OBJECT, targetKey, targetName, type TagAssignment, type TagTarget } from './tags-file';

/** What the workspace holds now, per target (targetKey): its tags; and which tables are views. */
export interface TagObservation {
  readonly tags: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** targetKey of every object that exists (tables with their table type; columns of the tables named), as crawled. */
  readonly objects: ReadonlyMap<string, string | null>;
}

export interface TagPlan {
  readonly plan: Plan;
  readonly problems: string[];
  readonly counts: { readonly add: number; readonly change: number; readonly unchanged: number };
}

const alterOf = (t: TagTarget, tableType: string | null): string => {
  switch (t.kind) {
    case 'CATALOG':
      return `ALTER CATALOG ${quoteName(...t.parts)}`;
    case 'SCHEMA':
      return `ALTER SCHEMA ${quoteName(...t.parts)}`;
    case 'TABLE':
      return `ALTER ${tableType === 'VIEW' ? 'VIEW' : 'TABLE'} ${quoteName(...t.parts)}`;
    case 'COLUMN':
      return `ALTER TABLE ${quoteName(...t.parts)} ALTER COLUMN ${quoteIdent(t.column!)}`;
  }
};

const setTags = (alter: string, tags: readonly (readonly [string, string])[]): string =>
  `${alter} SET TAGS (${tags.map(([k, v]) => `${quoteLiteral(k)} = ${quoteLiteral(v)}`).join(', ')})`;
const unsetTags = (alter: string, keys: readonly string[]): string => `${alter} UNSET TAGS (${keys.map(quoteLiteral).join(', ')})`;

/** The object a target's existence is checked on: the table for a column. */
export const ownerKey = (t: TagTarget): string => targetKey(t.kind === 'COLUMN' ? { kind: 'TABLE', parts: t.parts, column: null } : t);

/**
 * Tags to publish as a plan for step 2's engine, with `ALTER … SET TAGS` (which sets a key whether or not it is there,
 * so a statement can run again: `SET TAG ON` refuses an existing key, reference §1.11). Per object, one statement sets
 * every requested key — it creates when a key is new, changes nothing when all are set already — and, only when
 * some key holds another value now, a second one changes those, so each has an exact inverse (UNSET the new keys;
 * SET the old values back). Limits are checked first; an object that would break one is left out, with the reason.
 */
export function planTags(assignments: readonly TagAssignment[], observed: TagObservation): TagPlan {
  const problems: string[] = [];
  const wanted = new Map<string, { target: TagTarget; tags: Map<string, string> }>();
  assignments.forEach((a, i) => {
    const target = parseTarget(a.securable);
    if (typeof target === 'string') return void problems.push(`Entry ${i + 1}: ${target}`);
    if (!observed.objects.has(ownerKey(target))) return void problems.push(`Entry ${i + 1}: ${a.securable} is not in the metastore (as last crawled).`);
    if (target.kind === 'COLUMN' && !observed.objects.has(targetKey(target))) return void problems.push(`Entry ${i + 1}: ${a.securable}: the table has no column "${target.column}" (as last crawled).`);
    const entry = wanted.get(targetKey(target)) ?? { target, tags: new Map<string, string>() };
    for (const [k, v] of Object.entries(a.tags)) {
      const problem = tagProblem(k, v);
      if (problem) problems.push(`Entry ${i + 1} (${a.securable}): ${problem}`);
      else if (entry.tags.has(k) && entry.tags.get(k) !== v) problems.push(`Entry ${i + 1} (${a.securable}): tag "${k}" is given two values.`);
      else entry.tags.set(k, v);
    }
    wanted.set(targetKey(target), entry);
  });
  const steps: PlanStep[] = [];
  const counts = { add: 0, change: 0, unchanged: 0 };
  for (const [key, { target, tags }] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    if (tags.size === 0) continue;
    const now = observed.tags.get(key) ?? new Map<string, string>();
    const added = [...tags].filter(([k]) => !now.has(k));
    const changed = [...tags].filter(([k, v]) => now.has(k) && now.get(k) !== v);
    if (now.size + added.length > TAGS_PER_OBJECT) {
      problems.push(`${targetName(target)} would carry ${now.size + added.length} tags; Unity Catalog allows ${TAGS_PER_OBJECT} per object.`);
      continue;
    }
    const alter = alterOf(target, observed.objects.get(ownerKey(target)) ?? null);
    const name = targetName(target);
    const settable = [...tags].filter(([k]) => !changed.some(([c]) => c === k));
    if (settable.length > 0) {
      steps.push({
        id: boundedStepId(`tags:${key}`),
        sql: setTags(alter, settable),
        purpose: `Tag ${name}: ${settable.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join(', ')}`,
        dependsOn: [],
        inverse: added.length > 0 ? unsetTags(alter, added.map(([k]) => k)) : null,
        action: added.length > 0 ? 'create' : 'unchanged',
        target: 'main',
      });
    }
    if (changed.length > 0) {
      steps.push({
        id: boundedStepId(`tags:${key}:change`),
        sql: setTags(alter, changed),
        purpose: `Change tags on ${name}: ${changed.map(([k, v]) => `${k} from "${now.get(k)}" to "${v}"`).join(', ')}`,
        dependsOn: [],
        inverse: setTags(alter, changed.map(([k]) => [k, now.get(k)!] as const)),
        action: 'change',
        target: 'main',
      });
    }
    counts.add += added.length;
    counts.change += changed.length;
    counts.unchanged += tags.size - added.length - changed.length;
  }
  return { plan: { kind: 'setup', steps, hash: planHash('setup', steps) }, problems, counts };
}
