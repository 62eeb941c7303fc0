import type { TableRef } from '../../catalog/resolve';
import type { LineageTable } from '../../catalog/system/system-log';
import type { Token } from '../parse/lexer';
import type { Exec } from './session';

const lineageTable = (ref: TableRef): LineageTable => ({
  catalog: ref.catalog.name,
  schema: ref.schema.name,
  table: ref.table.name,
  type: ref.table.tableType === 'VIEW' ? 'VIEW' : 'TABLE',
});

/** The outermost SELECT list's items, as token ranges (skipping a WITH clause). */
function selectItems(tokens: readonly Token[]): Token[][] {
  let depth = 0;
  let start = -1;
  const items: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'op' && t.value === '(') depth++;
    if (t.kind === 'op' && t.value === ')') depth--;
    const word = t.kind === 'word' ? t.value.toUpperCase() : '';
    if (start < 0) {
      if (depth === 0 && word === 'SELECT') start = i + 1;
      continue;
    }
    if (depth === 0 && (word === 'FROM' || t.kind === 'eof' || word === 'UNION' || word === 'WHERE')) break;
    if (depth === 0 && (word === 'DISTINCT' || word === 'ALL') && i === start) continue;
    if (depth === 0 && t.kind === 'op' && t.value === ',') {
      items.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) items.push(current);
  return items;
}

/**
 * Table and column lineage of a statement (reference §3.2, R34): every table or view read, towards the table
 * written (or towards nothing for a plain read). Column lineage pairs each target column with the source columns
 * its SELECT item mentions; `*` maps same-named columns.
 */
export function recordLineage(exec: Exec, target: TableRef | null, source?: readonly Token[], targetColumns?: readonly string[]): void {
  const seen = new Set<string>();
  const reads = exec.scope.statement.reads.filter((r) => {
    if (r.catalog.catalogType === 'SYSTEM_CATALOG' || seen.has(r.table.id) || r.table.id === target?.table.id) return false;
    seen.add(r.table.id);
    return true;
  });
  if (reads.length === 0) return;
  const columns: { source: LineageTable; sourceColumn: string; targetColumn: string | null }[] = [];
  if (target && source && targetColumns) {
    selectItems(source).forEach((item, k) => {
      const targetColumn = targetColumns[k];
      if (targetColumn === undefined) return;
      const star = item.length === 1 && item[0]!.kind === 'op' && item[0]!.value === '*';
      for (const ref of reads) {
        for (const c of ref.table.columns) {
          const named = c.name.toLowerCase();
          const mentioned = star
            ? named === targetColumn.toLowerCase()
            : item.some((t) => (t.kind === 'word' || t.kind === 'quoted') && t.value.toLowerCase() === named);
          if (mentioned) columns.push({ source: lineageTable(ref), sourceColumn: c.name, targetColumn });
        }
      }
    });
  }
  exec.uc.log.lineage({
    statementId: exec.statementId,
    createdBy: exec.subject.principal.name,
    time: new Date(),
    sources: reads.map(lineageTable),
    target: target ? lineageTable(target) : null,
    columns,
  });
}
