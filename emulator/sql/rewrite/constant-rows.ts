import { duckIdent } from '../duck';
import type { Scope } from './context';
import type { Walker } from './walker';

/** Literal words a constant row may hold (the rest of a cell is one string or number token). */
const LITERAL_WORDS = new Set(['NULL', 'TRUE', 'FALSE']);

/** End of the literal cell starting at `i`, or -1 when the cell is anything else. */
function literalEnd(w: Walker, i: number): number {
  const t = w.tokens[i];
  if (t === undefined) return -1;
  if (t.kind === 'string') return w.tokens[i + 1]?.kind === 'string' ? -1 : i + 1;
  if (t.kind === 'number') return i + 1;
  if (t.kind === 'word' && LITERAL_WORDS.has(t.value.toUpperCase())) return i + 1;
  return -1;
}

/** `to`, or the `;` / end of input before it: where a walked range really ends. */
function rangeEnd(w: Walker, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = w.tokens[i]!;
    if (t.kind === 'eof' || (t.kind === 'op' && t.value === ';')) return i;
  }
  return to;
}

/**
 * A query that is only constant rows, `SELECT 'a' AS x, 1 AS y UNION ALL SELECT 'b', 2 …` (how clients send a batch
 * of rows as a MERGE source), as DuckDB `VALUES` with the first row's names. Same rows, names and types (both take
 * each column's common type over the rows); DuckDB binds a thousand-way UNION ALL ~5–10× slower than the same rows
 * as VALUES, and the user-mapping writer sends hundreds of them (issue 12: 100,000 users in batches of 1,000).
 * Undefined for anything else: an unnamed or repeated column, a FROM, a clause after the rows, a single row.
 * Databricks' UNION ALL returns subquery1's rows plus subquery2's, each column at the subqueries' least common type
 * (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-qry-select-setops); that page does not say
 * where the result's names come from: the first subquery's, as in Spark and DuckDB, is what this keeps.
 */
export function constantRowsSql(w: Walker, from: number, to: number, scope: Scope): string | undefined {
  const end = rangeEnd(w, from, to);
  const names: string[] = [];
  const rows: string[] = [];
  let i = from;
  for (;;) {
    if (w.word(i) !== 'SELECT') return undefined;
    i++;
    const cells: string[] = [];
    for (;;) {
      const cellEnd = literalEnd(w, i);
      if (cellEnd < 0) return undefined;
      cells.push(w.walk(i, cellEnd, 'expr', scope));
      i = cellEnd;
      if (rows.length === 0) {
        if (w.word(i) !== 'AS' || !w.isIdent(i + 1)) return undefined;
        const name = w.tokens[i + 1]!;
        names.push(name.kind === 'quoted' ? duckIdent(name.value) : name.value);
        i += 2;
      }
      if (!w.isOp(i, ',')) break;
      i++;
    }
    if (rows.length > 0 && cells.length !== names.length) return undefined;
    rows.push(`(${cells.join(', ')})`);
    if (i === end) break;
    if (w.word(i) !== 'UNION' || w.word(i + 1) !== 'ALL') return undefined;
    i += 2;
  }
  const lower = names.map((n) => n.toLowerCase());
  if (rows.length < 2 || new Set(lower).size !== lower.length) return undefined;
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS constant_rows(${names.join(', ')})`;
}
