/**
 * SCIM filter expressions (RFC 7644 §3.4.2.2): `eq ne co sw ew pr gt ge lt le`, `and`, `or`, `not`, parentheses,
 * quoted strings with JSON escapes. Databricks documents `eq co sw ne` with `and`/`or` (unity-catalog-scim-rest.md
 * §5.3); the rest costs nothing and keeps third-party SCIM clients working. Attribute names and string comparisons
 * are case-insensitive (RFC 7643 §2.1, caseExact false for the attributes the sandbox serves).
 */
export type Resource = Readonly<Record<string, unknown>>;
export type Predicate = (resource: Resource) => boolean;

export class FilterError extends Error {}

type Token = { readonly t: 'word'; readonly v: string } | { readonly t: 'str'; readonly v: string } | { readonly t: '(' | ')' };

const OPERATORS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/u.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c });
      i += 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw new FilterError('Unterminated string in filter');
      try {
        tokens.push({ t: 'str', v: JSON.parse(input.slice(i, j + 1)) as string });
      } catch {
        throw new FilterError('Invalid escape in filter string');
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()"]/u.test(input[j] as string)) j += 1;
      tokens.push({ t: 'word', v: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Values of an attribute path; multi-valued attributes yield every element (or its sub-attribute). */
function valuesAt(resource: Resource, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object') {
          const key = Object.keys(item).find((k) => k.toLowerCase() === part.toLowerCase());
          if (key !== undefined) next.push((item as Record<string, unknown>)[key]);
        } else if (part.toLowerCase() === 'value') {
          next.push(item);
        }
      }
    }
    current = next;
  }
  // `emails eq "x"` compares against each element's `value` sub-attribute (RFC 7644 §3.4.2.2).
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v));
}

function compare(op: string, actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null) return op === 'ne' ? expected !== null : expected === null && op === 'eq';
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = actual.toLowerCase();
    const e = expected.toLowerCase();
    switch (op) {
      case 'eq': return a === e;
      case 'ne': return a !== e;
      case 'co': return a.includes(e);
      case 'sw': return a.startsWith(e);
      case 'ew': return a.endsWith(e);
      case 'gt': return a > e;
      case 'ge': return a >= e;
      case 'lt': return a < e;
      case 'le': return a <= e;
    }
  }
  if (op === 'eq') return actual === expected || String(actual).toLowerCase() === String(expected).toLowerCase();
  if (op === 'ne') return actual !== expected;
  if (typeof actual === 'number' && typeof expected === 'number') {
    return op === 'gt' ? actual > expected : op === 'ge' ? actual >= expected : op === 'lt' ? actual < expected : op === 'le' ? actual <= expected : false;
  }
  return false;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Predicate {
    const p = this.or();
    if (this.i < this.tokens.length) throw new FilterError('Unexpected text after the end of the filter');
    return p;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.i];
    return t?.t === 'word' ? t.v.toLowerCase() : undefined;
  }

  private or(): Predicate {
    const parts = [this.and()];
    while (this.peekWord() === 'or') {
      this.i += 1;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (r) => parts.some((p) => p(r));
  }

  private and(): Predicate {
    const parts = [this.factor()];
    while (this.peekWord() === 'and') {
      this.i += 1;
      parts.push(this.factor());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (r) => parts.every((p) => p(r));
  }

  private factor(): Predicate {
    const t = this.tokens[this.i];
    if (t?.t === '(') {
      this.i += 1;
      const inner = this.or();
      if (this.tokens[this.i]?.t !== ')') throw new FilterError('Missing ) in filter');
      this.i += 1;
      return inner;
    }
    if (this.peekWord() === 'not') {
      this.i += 1;
      const inner = this.factor();
      return (r) => !inner(r);
    }
    if (t?.t !== 'word') throw new FilterError('Expected an attribute name in filter');
    const attr = t.v;
    if (!/^[A-Za-z$][\w$]*(\.[A-Za-z$][\w$]*)*$/u.test(attr)) throw new FilterError(`Invalid attribute name ${attr}`);
    this.i += 1;
    const op = this.peekWord();
    if (op === 'pr') {
      this.i += 1;
      return (r) => valuesAt(r, attr).some((v) => v !== undefined && v !== null && v !== '');
    }
    if (op === undefined || !OPERATORS.has(op)) throw new FilterError(`Unsupported operator after ${attr}`);
    this.i += 1;
    const expected = this.value();
    return (r) => valuesAt(r, attr).some((v) => compare(op, v, expected));
  }

  private value(): unknown {
    const t = this.tokens[this.i];
    this.i += 1;
    if (t?.t === 'str') return t.v;
    if (t?.t === 'word') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
      if (/^-?\d+(\.\d+)?$/u.test(t.v)) return Number(t.v);
    }
    throw new FilterError('Expected a quoted string, number, true, false or null in filter');
  }
}

export function parseFilter(filter: string): Predicate {
  if (filter.length > 4096) throw new FilterError('Filter is too long');
  const tokens = tokenize(filter);
  if (tokens.length === 0) return () => true;
  return new Parser(tokens).parse();
}
