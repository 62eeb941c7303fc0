import { assertNever } from '../../../shared/result';
import { createPolicy, dropPolicy, policiesOn, type PolicyTarget } from '../../catalog/abac/abac-ops';
import type { AbacPolicy } from '../../catalog/abac/abac-model';
import { ucErrors } from '../../catalog/errors';
import type { PolicyOnSpec, Statement } from '../parse/ast';
import { objectParts, schemaParts } from './names';
import { emptySource, valuesSource } from './result-source';
import type { Exec, Execution } from './session';

type PolicyStatement = Extract<Statement, { type: 'create-policy' | 'drop-policy' | 'show-policies' | 'describe-policy' }>;

function target(exec: Exec, on: PolicyOnSpec): PolicyTarget {
  const r = exec.uc.resolve;
  switch (on.kind) {
    case 'CATALOG':
      return r.catalog(on.name[0]!);
    case 'SCHEMA':
      return r.schema(...schemaParts(exec, on.name));
    case 'TABLE': {
      const t = r.table(...objectParts(exec, on.name));
      if (t.table.tableType === 'VIEW') throw ucErrors.invalidParameter('ABAC policies cannot be defined on views.');
      return t;
    }
    default:
      return assertNever(on.kind);
  }
}

const str = { base: 'string' } as const;
const cond = (c: { key: string; value: string | null }) => (c.value === null ? `hasTag('${c.key}')` : `hasTagValue('${c.key}', '${c.value}')`);

/** DESCRIBE POLICY's report: property-value pairs, fields not set omitted (the doc's example rows). */
function describeRows(p: AbacPolicy, on: string): string[][] {
  const rows: [string, string | null][] = [
    ['Name', p.name],
    ['On Securable Type', p.on],
    ['On Securable', on],
    ['To Principals', p.to.join(', ')],
    ['Except Principals', p.except.length ? p.except.join(', ') : null],
    ['For Securable Type', 'TABLE'],
    ['When Condition', p.when ? cond(p.when) : null],
    ['Match Columns', p.match.length ? p.match.map((m) => `${cond(m.condition)}${m.alias ? ` AS ${m.alias}` : ''}`).join(', ') : null],
    ['Policy Type', p.type],
    ['Function Name', p.functionName.join('.')],
    ['On Column', p.onColumn],
    ['Using Columns', p.using.length ? p.using.map((u) => (u.kind === 'alias' ? u.alias : u.sql)).join(', ') : null],
    ['Comment', p.comment],
    ['Created By', p.createdBy],
    ['Created At', new Date(p.createdAt).toISOString()],
    ['Updated By', p.updatedBy],
    ['Updated At', new Date(p.updatedAt).toISOString()],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

export function runPolicyStatement(exec: Exec, st: PolicyStatement): Execution {
  const ctx = { uc: exec.uc, subject: exec.subject };
  switch (st.type) {
    case 'create-policy': {
      const fn = exec.uc.resolve.function(...objectParts(exec, st.fn));
      createPolicy(
        ctx,
        target(exec, st.on),
        fn,
        {
          name: st.name,
          on: st.on.kind,
          comment: st.comment,
          type: st.policyType,
          functionName: [fn.catalog.name, fn.schema.name, fn.fn.name],
          to: st.to,
          except: st.except,
          when: st.when,
          match: st.match,
          onColumn: st.onColumn,
          using: st.using,
        },
        st.orReplace,
      );
      return { source: emptySource(), statementType: 'CREATE', modifiedRows: null };
    }
    case 'drop-policy':
      dropPolicy(ctx, target(exec, st.on), st.name);
      return { source: emptySource(), statementType: 'DROP', modifiedRows: null };
    case 'show-policies': {
      // Columns as documented: https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-show-policies
      const rows = policiesOn(ctx, target(exec, st.on), st.effective).map(({ policy, catalog, schema, table }) => [policy.name, policy.type, catalog.name, schema?.name ?? null, table?.name ?? null, policy.comment]);
      const columns = ['Policy Name', 'Policy Type', 'Catalog', 'Schema', 'Table', 'Comment'].map((name) => ({ name, type: str }));
      return { source: valuesSource(columns, rows as string[][]), statementType: 'SHOW', modifiedRows: null };
    }
    case 'describe-policy': {
      const t = target(exec, st.on);
      const found = policiesOn(ctx, t, false).find((x) => x.policy.name.toLowerCase() === st.name.toLowerCase());
      const on = st.on.kind === 'CATALOG' ? t.catalog.name : st.on.kind === 'SCHEMA' ? `${t.catalog.name}.${'schema' in t ? t.schema.name : ''}` : `${t.catalog.name}.${'schema' in t ? t.schema.name : ''}.${'table' in t ? t.table.name : ''}`;
      if (!found) throw ucErrors.policyNotFound(st.name, on);
      return { source: valuesSource([{ name: 'info_name', type: str }, { name: 'info_value', type: str }], describeRows(found.policy, on)), statementType: 'DESCRIBE', modifiedRows: null };
    }
    default:
      return assertNever(st);
  }
}
