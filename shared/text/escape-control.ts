/**
 * The one escaping function for text that reaches a terminal or a script comment: C0 controls, DEL, C1 controls
 * and the Unicode bidirectional formatting characters (embeddings, overrides, isolates and marks, which can make
 * text display in a different order than it is read — CVE-2021-42574, "Trojan Source") are written as `\uXXXX`.
 * A hostile name therefore cannot move the cursor, clear a line or reorder what a plan being confirmed shows.
 * `\uXXXX` is also a valid escape inside a JSON string and a Databricks SQL string literal, so escaped JSON and SQL
 * literals keep their meaning.
 */

/**
 * C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F), ALM, LRM/RLM, the line and paragraph separators (U+2028,
 * U+2029: some editors break lines there), LRE…RLO (U+202A–U+202E), LRI…PDI (U+2066–U+2069).
 */
// Matching control characters is the point here.
/* eslint-disable no-control-regex */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const escapeOne = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

// Non-global twins for testing: a global regex keeps lastIndex between calls; compiled once, since quoting
// 100,000 users' rows calls these per value.
const UNSAFE_ONE = new RegExp(UNSAFE.source);

/** Whether `ch` (one UTF-16 unit) is one the escaping writes as `\uXXXX`. */
export const isUnsafeChar = (ch: string): boolean => ch.length === 1 && UNSAFE_ONE.test(ch);

/** Whether `text` has any character the escaping writes as `\uXXXX`. */
export const hasUnsafeChar = (text: string): boolean => UNSAFE_ONE.test(text);

/**
 * `text` with every unsafe character as `\uXXXX`. `keepNewlines` keeps `\n` for multi-line output the program
 * itself lays out (values inside it should have been escaped without it first, so their newlines show as `\u000a`).
 */
export function escapeControl(text: string, options: { readonly keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE, escapeOne);
}
