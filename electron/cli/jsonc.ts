/**
 * JSON with `//` and `/* … *\/` comments, the form of the config files `ucbridge init` writes (its example explains
 * each field in comments). Strict JSON otherwise: no trailing commas, no single quotes.
 *
 * A syntax error is reported as a line and a column only. The runtime's own JSON.parse messages quote the text around
 * the error (and on Node 20 give only an offset), and a file passed by mistake — a token file — must not have a
 * prefix of its content printed; so this scanner finds the first error itself, and JSON.parse only ever sees text it
 * has already accepted.
 */
export type JsoncResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly line: number; readonly column: number };

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super('syntax');
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Checks `text` as JSON-with-comments and returns it with every comment blanked out (line breaks kept). */
function scan(text: string): string {
  const out = text.split('');
  let i = 0;
  const fail = (at = i): never => {
    throw new SyntaxAt(at);
  };
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const space = (): void => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && text[i + 1] === '/') {
        const end = text.indexOf('\n', i);
        const stop = end < 0 ? text.length : end;
        blank(i, stop);
        i = stop;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail();
        blank(i, end + 2);
        i = end + 2;
      } else return;
    }
  };
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail());
  const string = (): void => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') return void i++;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i + 1);
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else fail(i + 1);
      } else i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 200) fail();
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail();
      i = NUMBER.lastIndex;
    }
  };
  value(0);
  space();
  if (i < text.length) fail();
  return out.join('');
}

/** Line and column (both from 1) of an offset, counting characters. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export function parseJsonc(input: string): JsoncResult {
  // A byte-order mark is not content.
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(scan(text)) as unknown };
  } catch (e) {
    if (e instanceof SyntaxAt) return { ok: false, ...position(text, e.offset) };
    throw e;
  }
}
