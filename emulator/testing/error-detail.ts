/**
 * One line that says what went wrong, whatever was thrown: name, message (or that there was none), the fields
 * OAuth and network errors carry (code, status, error, error_description), and the causes under it — including
 * each error of an AggregateError, whose own message is empty (Node's connect errors for `localhost`).
 */
export function errorDetail(e: unknown, depth = 0): string {
  if (depth > 4) return '…';
  if (!(e instanceof Error)) return `a thrown ${e === null ? 'null' : typeof e}: ${JSON.stringify(e) ?? String(e)}`;
  const fields = e as Error & { code?: unknown; status?: unknown; error?: unknown; error_description?: unknown };
  const extra = (['code', 'status', 'error', 'error_description'] as const)
    .filter((k) => fields[k] !== undefined)
    .map((k) => `${k}=${String(fields[k])}`);
  const parts = [`${e.name}: ${e.message === '' ? '(no message)' : e.message}`, ...(extra.length ? [`[${extra.join(' ')}]`] : [])];
  if (e instanceof AggregateError) parts.push(`{ ${e.errors.map((x) => errorDetail(x, depth + 1)).join(' | ')} }`);
  if (e.cause !== undefined) parts.push(`← ${errorDetail(e.cause, depth + 1)}`);
  return parts.join(' ');
}

/** Runs one step of a test flow; a failure says which step, with the whole error chain. */
export async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new Error(`${what} failed: ${errorDetail(e)}`, { cause: e });
  }
}
