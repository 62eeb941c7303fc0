import { AppFailure } from '../../shared/result';
import { escapeControl } from '../../shared/text/escape-control';
import { redactText } from '../logging';

/**
 * One clear line for every failure: message and hint, no stack, no secret — neither one the redaction rules
 * know the shape of nor any value the user passed in (a wrong secret is still a secret).
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = redactText(text);
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[REDACTED]');
  return out;
}

export function failureLine(e: unknown, secrets: readonly string[]): string {
  const text =
    e instanceof AppFailure
      ? [e.error.message, e.error.hint].filter(Boolean).join(' ')
      : 'ucbridge hit an unexpected problem. Run again with --verbose to see the (redacted) diagnostics.';
  // One line, whatever the message holds (a name from the workspace): line breaks folded, other controls escaped.
  return `ucbridge: ${escapeControl(scrub(text, secrets).replace(/\s*\n\s*/g, ' '))}`;
}

/**
 * `--verbose`: what the unexpected problem was — each error's stack (or text) and its causes. The caller scrubs it
 * of secrets and escapes it like any other output.
 */
export function verboseCause(e: unknown): string {
  const lines: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current);
    lines.push(`${depth === 0 ? 'cause' : 'caused by'}: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n');
}

export function exitCodeFor(e: unknown): number {
  if (!(e instanceof AppFailure)) return 1;
  switch (e.error.code) {
    case 'BAD_REQUEST':
      return 2;
    case 'CANCELLED':
      return 130;
    default:
      return 1;
  }
}
