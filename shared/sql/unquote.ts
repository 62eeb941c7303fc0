/**
 * Readers for the two forms `quote.ts` writes, used to check round trips and to read names back out of SQL the
 * app generated. They accept exactly the quoted forms and answer undefined for anything else.
 */

/** Reads one backticked identifier that spans the whole input. */
export function unquoteIdent(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('`') || !text.endsWith('`')) return undefined;
  const body = text.slice(1, -1);
  if (body.replaceAll('``', '').includes('`')) return undefined;
  return body.replaceAll('``', '`');
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', r: '\r', t: '\t', b: '\b', '0': '\u0000', '\\': '\\', "'": "'", '"': '"', '%': '\\%', _: '\\_',
};

/** Reads one single-quoted string literal with Spark's backslash escapes, spanning the whole input. */
export function unquoteLiteral(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith("'") || !text.endsWith("'")) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch === "'") return undefined;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === undefined || i >= text.length - 1) return undefined;
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += SIMPLE_ESCAPES[next] ?? next;
    }
  }
  return out;
}
