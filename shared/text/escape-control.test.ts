import { describe, expect, it } from 'vitest';
import { escapeControl, isUnsafeChar } from './escape-control';

describe('escapeControl', () => {
  it('escapes C0, DEL, C1 and bidirectional formatting characters as \\uXXXX', () => {
    expect(escapeControl('a\u0000b\u001b[2Jc\u007fd\u0085e\u009bf')).toBe('a\\u0000b\\u001b[2Jc\\u007fd\\u0085e\\u009bf');
    expect(escapeControl('sales\u202e\u2066evil\u2069\u200f\u061c')).toBe('sales\\u202e\\u2066evil\\u2069\\u200f\\u061c');
    expect(escapeControl('line\r\nnext\ttab')).toBe('line\\u000d\\u000anext\\u0009tab');
  });

  it('keeps newlines only when asked, and leaves other text (accents, emoji, CJK, backticks) alone', () => {
    expect(escapeControl('one\ntwo\r', { keepNewlines: true })).toBe('one\ntwo\\u000d');
    const plain = 'Café `we``ird` 数据 🚀 \u00a0 \u00ff';
    expect(escapeControl(plain)).toBe(plain);
  });

  it('escaped text still parses as the same JSON string', () => {
    const value = 'x\u202ey\u0085z\u001b';
    expect(JSON.parse(escapeControl(JSON.stringify(value)))).toBe(value);
  });

  it('classifies single characters', () => {
    for (const ch of ['\u0000', '\u001f', '\u007f', '\u0080', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u2028', '\u2029']) expect(isUnsafeChar(ch), ch.charCodeAt(0).toString(16)).toBe(true);
    for (const ch of ['a', ' ', '\u00a0', '\u00a9', '\u2027', '\u202f', '\u2070']) expect(isUnsafeChar(ch), ch.charCodeAt(0).toString(16)).toBe(false);
  });
});
