import { ucErrors } from '../../catalog/errors';
import type { Token } from './lexer';

/** A position in a token list with the small vocabulary the statement parsers use. */
export class Cursor {
  pos = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly sql: string,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** The current token (and the following ones) are these keywords, in order, case-insensitively. */
  isWord(...words: readonly string[]): boolean {
    return words.every((w, i) => {
      const t = this.peek(i);
      return t.kind === 'word' && t.value.toUpperCase() === w;
    });
  }

  acceptWord(...words: readonly string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.pos += words.length;
    return true;
  }

  expectWord(...words: readonly string[]): void {
    if (!this.acceptWord(...words)) this.fail();
  }

  isOp(op: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail();
  }

  isIdentifier(offset = 0): boolean {
    const k = this.peek(offset).kind;
    return k === 'word' || k === 'quoted';
  }

  identifier(): string {
    if (!this.isIdentifier()) this.fail();
    return this.next().value;
  }

  /** `a`, `a.b`, `a.b.c` (each part may be backticked). */
  qualifiedName(max = 3): string[] {
    const parts = [this.identifier()];
    while (parts.length < max && this.isOp('.') && this.isIdentifier(1)) {
      this.pos++;
      parts.push(this.identifier());
    }
    return parts;
  }

  /** A string literal; adjacent literals concatenate as in Spark (`'it' 's'` is `its`). */
  string(): string {
    if (this.peek().kind !== 'string') this.fail();
    let value = this.next().value;
    while (this.peek().kind === 'string') value += this.next().value;
    return value;
  }

  /** A string literal or an identifier (both spellings appear in tag and property lists). */
  stringOrIdentifier(): string {
    return this.peek().kind === 'string' ? this.string() : this.identifier();
  }

  atEnd(): boolean {
    if (this.peek().kind === 'eof') return true;
    return this.isOp(';') && this.peek(1).kind === 'eof';
  }

  expectEnd(): void {
    if (!this.atEnd()) this.fail();
  }

  /** Index of the `)` matching the `(` at `index`. */
  closing(index: number): number {
    let depth = 0;
    for (let i = index; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind !== 'op') continue;
      if (t.value === '(') depth++;
      else if (t.value === ')' && --depth === 0) return i;
    }
    this.pos = this.tokens.length - 1;
    return this.fail();
  }

  /** Tokens from the current position to the end of the statement (without a trailing `;`). */
  rest(): Token[] {
    const end = this.tokens.length - 1 - (this.tokens.at(-2)?.kind === 'op' && this.tokens.at(-2)?.value === ';' ? 1 : 0);
    const out = this.tokens.slice(this.pos, end);
    this.pos = end;
    return [...out, this.tokens.at(-1)!];
  }

  /** Source text from token `from` up to (excluding) token `to`. */
  text(from: number, to: number): string {
    return this.sql.slice(this.tokens[from]!.start, this.tokens[to - 1]?.end ?? this.tokens[from]!.start).trim();
  }

  fail(): never {
    const t = this.peek();
    throw ucErrors.parse(t.kind === 'eof' ? 'end of input' : `'${this.sql.slice(t.start, t.end)}'`);
  }
}
