import { ucErrors } from '../../catalog/errors';
import { normalizeTypeText } from '../types';
import type { ArgSpec, ColumnSpec, Name, SecurableSpec } from './ast';
import type { Cursor } from './cursor';

/**
 * A data type as written (`decimal(10, 2)`, `array<struct<a:int>>`, `interval day to second`), normalized to
 * Databricks' spelling: one word, then an optional `<…>` or `(…)`.
 */
export function parseType(c: Cursor): string {
  const from = c.pos;
  const first = c.identifier().toUpperCase();
  if (first === 'INTERVAL') {
    const units = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];
    if (units.some((u) => c.isWord(u))) c.next();
    if (c.acceptWord('TO')) c.next();
  } else if (c.isOp('<')) {
    let depth = 0;
    for (;;) {
      const t = c.next();
      if (t.kind === 'eof') c.fail();
      if (t.kind === 'op' && t.value === '<') depth++;
      if (t.kind === 'op' && t.value === '>' && --depth === 0) break;
    }
  } else if (c.isOp('(')) {
    c.pos = c.closing(c.pos) + 1;
  }
  return normalizeTypeText(c.text(from, c.pos));
}

/** `(col, 'literal', 42, …)` — the argument lists of ROW FILTER … ON and MASK … USING COLUMNS (R4, R5). */
export function parseArgs(c: Cursor): ArgSpec[] {
  c.expectOp('(');
  const args: ArgSpec[] = [];
  while (!c.isOp(')')) {
    if (c.isIdentifier() && !c.isWord('NULL') && !c.isWord('TRUE') && !c.isWord('FALSE') && !c.isWord('INTERVAL')) {
      args.push({ kind: 'column', name: c.identifier() });
    } else {
      const from = c.pos;
      while (!c.isOp(',') && !c.isOp(')') && c.peek().kind !== 'eof') c.next();
      args.push({ kind: 'literal', tokens: c.tokens.slice(from, c.pos), sql: c.text(from, c.pos) });
    }
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  return args;
}

/** `('k' = 'v', k2 = 'v2')` for TBLPROPERTIES, DBPROPERTIES, OPTIONS. */
export function parseProperties(c: Cursor): Record<string, string> {
  const out: Record<string, string> = {};
  c.expectOp('(');
  while (!c.isOp(')')) {
    const key = c.qualifiedName(8).join('.');
    c.acceptOp('=');
    const value = c.peek().kind === 'number' ? c.next().value : c.stringOrIdentifier();
    out[key] = value;
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  return out;
}

/** `('k' = 'v', 'k2')` for SET TAGS; a key without value is a key-only tag (empty value). */
export function parseTagPairs(c: Cursor): [string, string][] {
  const out: [string, string][] = [];
  c.expectOp('(');
  while (!c.isOp(')')) {
    const key = c.stringOrIdentifier();
    out.push([key, c.acceptOp('=') ? c.stringOrIdentifier() : '']);
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  return out;
}

/** `('k', 'k2')` for UNSET TAGS. */
export function parseTagKeys(c: Cursor): [string, string][] {
  const out: [string, string][] = [];
  c.expectOp('(');
  while (!c.isOp(')')) {
    out.push([c.stringOrIdentifier(), '']);
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  return out;
}

/**
 * The securable of GRANT / REVOKE / SHOW GRANTS / ALTER … OWNER (reference §1.8): METASTORE; CATALOG [name];
 * SCHEMA|DATABASE name; [TABLE] name; VIEW name; VOLUME name; FUNCTION name.
 */
export function parseSecurable(c: Cursor): SecurableSpec {
  if (c.acceptWord('METASTORE')) return { kind: 'METASTORE' };
  if (c.acceptWord('CATALOG')) return { kind: 'CATALOG', name: c.isIdentifier() && !c.isWord('TO') && !c.isWord('FROM') ? c.qualifiedName(1) : null };
  if (c.acceptWord('SCHEMA') || c.acceptWord('DATABASE')) return { kind: 'SCHEMA', name: c.qualifiedName(2) };
  for (const kind of ['VIEW', 'VOLUME', 'FUNCTION'] as const) if (c.acceptWord(kind)) return { kind, name: c.qualifiedName() };
  if (c.isWord('MATERIALIZED', 'VIEW')) throw ucErrors.unsupported('materialized views');
  for (const other of ['CONNECTION', 'SHARE', 'EXTERNAL', 'STORAGE', 'SERVICE', 'CREDENTIAL', 'PROCEDURE', 'SERVER']) {
    if (c.isWord(other)) throw ucErrors.unsupported(`${other.toLowerCase()} securables in the sandbox`);
  }
  c.acceptWord('TABLE');
  return { kind: 'TABLE', name: c.qualifiedName() };
}

export function parseFunctionName(c: Cursor): Name {
  return c.qualifiedName();
}

/** Column definitions of CREATE TABLE / RETURNS TABLE / ADD COLUMNS, with NOT NULL, COMMENT and MASK clauses. */
export function parseColumnSpecs(c: Cursor): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  c.expectOp('(');
  while (!c.isOp(')')) {
    if (c.isWord('CONSTRAINT') || c.isWord('PRIMARY') || c.isWord('FOREIGN')) {
      skipToListEnd(c);
    } else {
      out.push(parseColumnSpec(c));
    }
    if (!c.acceptOp(',')) break;
  }
  c.expectOp(')');
  return out;
}

export function parseColumnSpec(c: Cursor): ColumnSpec {
  const name = c.identifier();
  const typeText = parseType(c);
  let nullable = true;
  let comment: string | null = null;
  let mask: ColumnSpec['mask'] = null;
  for (;;) {
    if (c.acceptWord('NOT', 'NULL')) nullable = false;
    else if (c.acceptWord('NULL')) nullable = true;
    else if (c.acceptWord('COMMENT')) comment = c.string();
    else if (c.acceptWord('MASK')) {
      const fn = parseFunctionName(c);
      mask = { fn, using: c.acceptWord('USING', 'COLUMNS') ? parseArgs(c) : [] };
    } else if (c.isWord('DEFAULT') || c.isWord('GENERATED') || c.isWord('PRIMARY') || c.isWord('CONSTRAINT')) skipToListEnd(c);
    else break;
  }
  return { name, typeText, nullable, comment, mask };
}

/** Skips a clause this sandbox does not model, up to the next `,` or `)` at the same depth. */
function skipToListEnd(c: Cursor): void {
  while (!c.isOp(',') && !c.isOp(')') && c.peek().kind !== 'eof') {
    if (c.isOp('(')) c.pos = c.closing(c.pos);
    c.next();
  }
}
