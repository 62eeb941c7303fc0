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
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (c !== '`' && sql[j] === '\\') j++;
        else if (sql[j] === c) {
          // A doubled backtick is one backtick inside the name.
          if (c === '`' && sql[j + 1] === '`') j++;
          else break;
        }
      }
      i = Math.min(j + 1, sql.length);
      flush(i, true);
    } else if (c === '-' && sql[i + 1] === '-') {
      flush(i, false);
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      flush(i, true);
    } else i++;
  }
  flush(sql.length, false);
  return out;
}
