import { fullNameOf } from '../../catalog/authz';
import type { SecurableRef } from '../../catalog/model';
import type { TableRef } from '../../catalog/resolve';
import type { Statement } from '../parse/ast';
import { objectParts, schemaParts } from './names';
import { valuesSource, type ResultSource } from './result-source';
import { describeInformationSchemaView, requireEnabledSystemSchema } from './describe-system';
import type { Exec, Execution } from './session';
import { requireSee } from './visibility';

const str = { base: 'string' } as const;
const strings = (names: readonly string[], rows: readonly (readonly (string | null)[])[]): ResultSource =>
  valuesSource(names.map((name) => ({ name, type: str })), rows);
const when = (ms: number) => new Date(ms).toUTCString();

function tableDetails(exec: Exec, ref: TableRef): (string | null)[][] {
  const t = ref.table;
  const rows: (string | null)[][] = [
    ['', '', ''], ['# Detailed Table Information', '', ''], ['Catalog', ref.catalog.name, ''], ['Database', ref.schema.name, ''],
    ['Table', t.name, ''], ['Created Time', when(t.createdAt), ''], ['Last Access', 'UNKNOWN', ''], ['Created By', 'Spark', ''],
    ['Type', t.tableType, ''], ['Comment', t.comment ?? '', ''],
  ];
  if (t.tableType === 'VIEW') rows.push(['View Text', t.viewText ?? '', '']);
  else rows.push(['Location', t.location ?? `${exec.uc.storageRoot}/tables/${t.id}`, ''], ['Provider', 'delta', '']);
  rows.push(['Owner', t.owner, '']);
  if (t.rowFilter) rows.push(['Row Filter', t.rowFilter.functionName.join('.'), t.rowFilter.args.map((a) => (a.kind === 'column' ? a.name : a.sql)).join(', ')]);
  for (const m of t.masks) rows.push(['Column Mask', m.column, m.functionName.join('.')]);
  const props = Object.entries(t.properties).map(([k, v]) => `${k}=${v}`).join(',');
  rows.push(['Table Properties', `[${props}]`, '']);
  return rows;
}

/** DESCRIBE TABLE | CATALOG | SCHEMA | FUNCTION | VOLUME [EXTENDED]. */
export async function runDescribe(exec: Exec, st: Extract<Statement, { type: 'describe' }>): Promise<Execution> {
  const r = exec.uc.resolve;
  let source: ResultSource;
  switch (st.kind) {
    case 'TABLE': {
      const [catalog, schema, table] = objectParts(exec, st.name);
      if (schema.toLowerCase() === 'information_schema') {
        return { source: await describeInformationSchemaView(exec, catalog, table), statementType: 'DESCRIBE', modifiedRows: null };
      }
      const ref = r.table(catalog, schema, table);
      requireEnabledSystemSchema(exec, ref);
      requireSee(exec, ref);
      const rows = ref.table.columns.map((c) => [c.name, c.typeText, c.comment]);
      source = strings(['col_name', 'data_type', 'comment'], st.extended ? [...rows, ...tableDetails(exec, ref)] : rows);
      break;
    }
    case 'CATALOG': {
      const ref = r.catalog(st.name[0]!);
      requireSee(exec, ref);
      const c = ref.catalog;
      source = strings(['info_name', 'info_value'], [
        ['Catalog Name', c.name], ['Comment', c.comment ?? ''], ['Owner', c.owner], ['Catalog Type', c.catalogType === 'SYSTEM_CATALOG' ? 'System' : 'Regular'],
        ...(st.extended ? [['Created Time', when(c.createdAt)], ['Created By', c.createdBy], ['Isolation Mode', c.isolationMode]] : []),
      ]);
      break;
    }
    case 'SCHEMA': {
      const ref = r.schema(...schemaParts(exec, st.name));
      requireSee(exec, ref);
      source = strings(['database_description_item', 'database_description_value'], [
        ['Catalog Name', ref.catalog.name], ['Namespace Name', ref.schema.name], ['Comment', ref.schema.comment ?? ''], ['Owner', ref.schema.owner],
        ...(st.extended ? [['Created Time', when(ref.schema.createdAt)], ['Created By', ref.schema.createdBy]] : []),
      ]);
      break;
    }
    case 'FUNCTION': {
      const ref = r.function(...objectParts(exec, st.name));
      requireSee(exec, ref);
      const f = ref.fn;
      const lines = [
        `Function: ${fullNameOf(ref)}`, `Type:     ${f.returnType === null ? 'TABLE' : 'SCALAR'}`,
        `Input:    ${f.params.map((p) => `${p.name} ${p.typeText.toUpperCase()}`).join(', ') || '()'}`,
        `Returns:  ${f.returnType?.toUpperCase() ?? (f.returnColumns ?? []).map((c) => `${c.name} ${c.typeText.toUpperCase()}`).join(', ')}`,
        ...(st.extended ? [`Owner:    ${f.owner}`, `Deterministic: ${f.deterministic}`, `Body:     ${f.body}`] : []),
      ];
      source = strings(['function_desc'], lines.map((l) => [l]));
      break;
    }
    case 'VOLUME': {
      const ref = r.volume(...objectParts(exec, st.name));
      requireSee(exec, ref);
      const v = ref.volume;
      source = strings(['name', 'catalog', 'database', 'owner', 'storage_location', 'volume_type', 'comment'], [
        [v.name, ref.catalog.name, ref.schema.name, v.owner, v.storageLocation, v.volumeType, v.comment],
      ]);
      break;
    }
  }
  return { source, statementType: 'DESCRIBE', modifiedRows: null };
}

export function runShowColumns(exec: Exec, st: Extract<Statement, { type: 'show-columns' | 'show-create-table' }>): Execution {
  const ref = exec.uc.resolve.table(...objectParts(exec, st.table));
  requireSee(exec, ref);
  if (st.type === 'show-columns') return { source: strings(['col_name'], ref.table.columns.map((c) => [c.name])), statementType: 'SHOW', modifiedRows: null };
  const q = (s: string) => '`' + s.replaceAll('`', '``') + '`';
  const t = ref.table;
  const name = [ref.catalog.name, ref.schema.name, t.name].map(q).join('.');
  const text =
    t.tableType === 'VIEW'
      ? `CREATE VIEW ${name} AS ${t.viewText ?? ''}`
      : `CREATE TABLE ${name} (\n${t.columns.map((c) => `  ${q(c.name)} ${c.typeText.toUpperCase()}${c.nullable ? '' : ' NOT NULL'}`).join(',\n')})\nUSING delta`;
  return { source: strings(['createtab_stmt'], [[text]]), statementType: 'SHOW', modifiedRows: null };
}

/** Where a securable sits, for SHOW GRANTS' objectType / objectKey. */
export function grantLevels(ref: SecurableRef): { kind: string; key: string }[] {
  if (ref.kind === 'METASTORE') return [{ kind: 'METASTORE', key: '' }];
  const levels = [{ kind: 'CATALOG', key: ref.catalog.name }];
  if (ref.kind === 'CATALOG') return levels;
  levels.unshift({ kind: 'SCHEMA', key: `${ref.catalog.name}.${ref.schema.name}` });
  if (ref.kind === 'SCHEMA') return levels;
  levels.unshift({ kind: ref.kind === 'TABLE' && ref.table.tableType === 'VIEW' ? 'VIEW' : ref.kind, key: fullNameOf(ref) });
  return levels;
}
