import { AppFailure } from '../result';
import { planHash } from '../integration/plan-hash';
import type { Plan, PlanStep, StepAction } from '../integration/plan-types';
import { abacDrafts, filterDrafts, grantDraft, maskDrafts, revokeSql, type CompiledPair, type PolicyDraft } from './compile-steps';
import { checkLimits } from './limits';
import { markDraft, missingPrivileges } from './mark';
import type { PolicyObservation } from './observation';
import type { PolicySet } from './policy-model';
import type { PoliciesRecord, RecordItem } from './record';
import { staleDrops } from './stale';
import { resolveTargets, type AbacMaskTarget, type FilterTarget, type MaskTarget } from './targets';

/**
 * The policy compiler: a pure function of the policy file, the integration catalog, the workspace as observed
 * (null offline) and the record of the last apply. Automatic apply and the exported script both come from here,
 * so they run the same statements. Problems (contradictions, foreign objects, limits) refuse the whole plan, each
 * naming the policies involved.
 */
export interface PreviewTable {
  /** Table-level masks on this table's columns (column name → its pair and policies). */
  readonly masks: readonly { readonly column: string; readonly pair: CompiledPair; readonly policies: readonly string[]; readonly target: MaskTarget }[];
  readonly filter: { readonly pair: CompiledPair; readonly columns: readonly string[]; readonly policies: readonly string[]; readonly target: FilterTarget } | null;
}

export interface CompiledPolicies {
  readonly plan: Plan;
  readonly notes: readonly string[];
  /** Per step id: what the record keeps once that step has run. */
  readonly records: ReadonlyMap<string, RecordItem>;
  /** Keyed by lower-case `catalog.schema.table`; ABAC masks are in `abac` (matched against tags at preview). */
  readonly preview: ReadonlyMap<string, PreviewTable>;
  readonly abac: readonly { readonly target: AbacMaskTarget; readonly pair: CompiledPair }[];
}

/** The plan refused, with every problem (the validation view lists them one by one). */
export class PolicyRefusal extends AppFailure {
  constructor(readonly problems: readonly string[]) {
    super({
      code: 'BAD_REQUEST',
      message: problems.length === 1 ? `The policies cannot be planned: ${problems[0]}` : `The policies cannot be planned (${problems.length} problems):\n- ${problems.join('\n- ')}`,
      hint: 'Change the policy file (or the workspace) as each problem says, then plan again.',
    });
  }
}

export const policyRefusal = (problems: readonly string[]): PolicyRefusal => new PolicyRefusal(problems);

export function compilePolicies(set: PolicySet, catalog: string, obs: PolicyObservation | null, record: PoliciesRecord | null): CompiledPolicies {
  const targets = resolveTargets(set, obs);
  const problems = [...targets.problems, ...checkLimits(targets, obs)];
  const drafts: PolicyDraft[] = [];
  const preview = new Map<string, { masks: PreviewTable['masks'][number][]; filter: PreviewTable['filter'] }>();
  const entry = (key: string) => preview.get(key) ?? preview.set(key, { masks: [], filter: null }).get(key)!;
  for (const m of targets.masks) {
    const { drafts: d, pair } = maskDrafts(catalog, m);
    drafts.push(...d);
    entry(m.table.join('.').toLowerCase()).masks.push({ column: m.column, pair, policies: m.policies.map((p) => p.name), target: m });
  }
  for (const f of targets.filters) {
    const { drafts: d, pair, columns } = filterDrafts(catalog, f);
    drafts.push(...d);
    entry(f.table.join('.').toLowerCase()).filter = { pair, columns, policies: f.policies.map((p) => p.name), target: f };
  }
  const abac = targets.abacMasks.map((a) => {
    const { drafts: d, pair } = abacDrafts(catalog, a);
    drafts.push(...d);
    return { target: a, pair };
  });
  drafts.push(...targets.grants.map(grantDraft));

  const seen = new Set<string>();
  const steps: PlanStep[] = [];
  const records = new Map<string, RecordItem>();
  const previous = new Map(record?.items.map((i) => [i.id, i]));
  for (const d of drafts) {
    if (seen.has(d.id)) continue; // two policies naming one grant twice: one statement
    seen.add(d.id);
    const marked = markDraft(d, obs, catalog);
    if ('problem' in marked) {
      problems.push(marked.problem);
      continue;
    }
    steps.push({ id: d.id, sql: d.sql, purpose: d.purpose, dependsOn: [...d.dependsOn], inverse: d.inverse, action: marked.action, target: 'main' });
    const kept = grantRecord(d, obs, previous.get(d.id));
    if (kept) records.set(d.id, kept);
  }
  if (problems.length > 0) throw policyRefusal([...new Set(problems)]);
  const drops = staleDrops(record, seen, obs, steps);
  const all = [...steps, ...drops];
  return {
    plan: { kind: 'setup', steps: all, hash: planHash('setup', all) },
    notes: targets.notes,
    records,
    preview,
    abac,
  };
}

/** A grant's record keeps only privileges the apply adds (or an earlier apply added): uninstall revokes those. */
function grantRecord(d: PolicyDraft, obs: PolicyObservation | null, before: RecordItem | undefined): RecordItem | undefined {
  if (d.expect.kind !== 'grant') return d.record;
  const g = d.expect.target;
  // Missing now, or recorded as added by an earlier apply (and held since because of it).
  const added = new Set(before?.privileges);
  for (const p of missingPrivileges(obs, g)) added.add(p);
  const privileges = g.privileges.filter((p) => added.has(p));
  // Everything was held before: nothing of it is ucbridge's to revoke.
  return privileges.length === 0 ? undefined : { ...d.record, privileges, inverse: revokeSql(g, privileges) };
}

/** The steps a plan would really run: what the preview counts as pending. */
export const pendingActions: readonly StepAction[] = ['create', 'change'];
