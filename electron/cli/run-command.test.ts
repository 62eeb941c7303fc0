import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { defineCommand } from './command';
import { runCommand } from './run-command';

const boom = defineCommand({
  name: 'boom',
  summary: 'Fails unexpectedly.',
  usage: 'Fails unexpectedly.',
  needs: { config: false, signIn: false, confirm: false },
  run: async () => {
    throw new Error('boom with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', { cause: new TypeError('the inner \u001b[31mcause') });
  },
});

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCommand(boom, { ...parseArgs(argv), command: 'boom', operands: [] }, { stdout: () => undefined, stderr: (t) => (stderr += `${t}\n`), env: {}, signal: new AbortController().signal });
  return { code, stderr };
}

describe('an unexpected problem', () => {
  it('is one line without --verbose, saying how to see more', async () => {
    const r = await run([]);
    expect(r).toEqual({ code: 1, stderr: 'ucbridge: ucbridge hit an unexpected problem. Run again with --verbose to see the (redacted) diagnostics.\n' });
  });

  it('with --verbose, also prints its cause and the causes behind it, redacted and escaped', async () => {
    const r = await run(['--verbose']);
    expect(r.code).toBe(1);
    const [line, ...cause] = r.stderr.trimEnd().split('\n');
    expect(line).toMatch(/^ucbridge: ucbridge hit an unexpected problem/);
    expect(cause[0]).toMatch(/^cause: Error: boom with Bearer \[REDACTED\]/);
    expect(cause.some((l) => l.startsWith('    at '))).toBe(true);
    expect(cause).toContain('caused by: TypeError: the inner \\u001b[31mcause');
    expect(r.stderr).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });
});
