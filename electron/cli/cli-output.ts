import { AppFailure } from '../../shared/result';
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
  return `ucbridge: ${scrub(text, secrets).replace(/\s*\n\s*/g, ' ')}`;
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
