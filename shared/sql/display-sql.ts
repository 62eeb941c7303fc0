import { escapeControl } from '../text/escape-control';

/**
 * SQL as a terminal or a script comment shows it: every control or bidirectional formatting character escaped
 * (escape-control.ts), and line breaks kept only where they lay out the statement — a line break inside a quoted
 * name (`` `a<LF>b` ``, which Unity Catalog can hold in a principal's name) or a literal is shown as `\u000a`, so a
 * name cannot make a statement look like two, or like a different one.
 */
export function displaySql(sql: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const flush = (to: number, inside: boolean) => {
    out += escapeControl(sql.slice(from, to), { keepNewlines: !inside });
    from = to;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '`' || c === "'" || c === '"') {
      flush(i, false);
      // A doubled quote (`` `a``b` ``, `'it''s'`) needs no case of its own: it closes and at once reopens, which shows the same.
      let j = i + 1;
      for (; j < sql.length && sql[j] !== c; j++) {
        if (c !== '`' && sql[j] === '\\') j++;
      }
      i = Math.min(j + 1, sql.length);
      flush(i, true);
    } else if (sql.startsWith('--', i)) {
      // A comment runs to the end of its line, so it holds no line break to keep or hide; it is stepped over only so
      // that a quote in it (`-- it's`) opens nothing.
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else i++;
  }
  flush(sql.length, false);
  return out;
}
