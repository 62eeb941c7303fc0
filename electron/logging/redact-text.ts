import { mustRedact } from './secret-keys';

export const REDACTED = '[REDACTED]';

type Rule = readonly [pattern: RegExp, replace: (match: string, ...groups: string[]) => string];

/**
 * `key: value` and `key=value` in every notation a secret is likely to be logged in: query strings and fragments
 * (`?code=…&state=…`), form bodies, JSON (also JSON escaped inside a JSON string), `util.inspect` output and HTTP
 * header lines. An unquoted value may start with an auth scheme (`Authorization: Bearer …`). `{`/`[` values are
 * left for the nested keys to match.
 */
const KEY_VALUE = new RegExp(
  [
    String.raw`(\\?["']?)\b([A-Za-z][A-Za-z0-9_.-]{0,63})\1(\s*[:=]\s*)`,
    '(?:',
    String.raw`"((?:[^"\\\r\n]|\\.)*)"`,
    String.raw`|\\"((?:[^"\\\r\n]|\\[^"])*)\\"`,
    String.raw`|'((?:[^'\\\r\n]|\\.)*)'`,
    String.raw`|(?![{\[])((?:(?:Bearer|Basic|Negotiate|Digest)\s+)?[^\s&,;#"'<>)}\]\\]+)`,
    ')',
  ].join(''),
  'g',
);

const KEEP_LITERALS: ReadonlySet<string> = new Set(['', 'null', 'undefined', REDACTED]);

/** Redacts the value of a secret key; any other value is scanned in turn (`message="…password=…"`). */
function redactKeyValue(match: string, quote: string, key: string, sep: string, ...values: string[]): string {
  const [dq, escDq, sq, bare] = values;
  const value = dq ?? escDq ?? sq ?? bare ?? '';
  if (KEEP_LITERALS.has(value)) return match;
  const inner = mustRedact(key, value) ? REDACTED : redactText(value);
  const wrapped =
    dq !== undefined ? `"${inner}"` : escDq !== undefined ? `\\"${inner}\\"` : sq !== undefined ? `'${inner}'` : inner;
  return `${quote}${key}${quote}${sep}${wrapped}`;
}

const RULES: readonly Rule[] = [
  // Certificates for M2M private-key JWT client authentication.
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, () => '[REDACTED PRIVATE KEY]'],
  // A Cookie header line carries several name=value pairs, any of which may be a session.
  [/\b((?:set-)?cookie)(?!["'\\])(\s*:\s*)(?!["'\\])[^\r\n]*/gi, (_m, name, sep) => `${name}${sep}${REDACTED}`],
  [KEY_VALUE, redactKeyValue as Rule[1]],
  // A credential after an auth scheme anywhere in free text ("sent Bearer eyJ… to …").
  [/\b(Bearer|Basic|Negotiate)\s+(?!\[REDACTED)[A-Za-z0-9._~+/=-]{16,}/g, (_m, scheme) => `${scheme} ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, () => '[REDACTED JWT]'],
  // Databricks personal access tokens and OAuth secrets (dapi…, dkea…, dskea…, dsapi…, dose…).
  [/\b(?:dapi|dkea|dskea|dsapi|dose)(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{16,}(?:-\d+)?\b/g, () => '[REDACTED PAT]'],
  // Passwords in URL user-info (https://user:secret@host).
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+):([^\s/@]+)@/gi, (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`],
];

/** Removes every secret this app knows the shape of from free text: messages, URLs, bodies, stacks. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return out;
}
