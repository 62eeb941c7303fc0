import { describe, expect, it } from 'vitest';
import { defineCommand, type CliCommand } from './command';
import { flagsOf, flagTable } from './command-flags';
import { commandUsage, topUsage } from './help';
import { runCli } from './main';
import { COMMANDS } from './registry';
import { resolveCommand } from './resolve-command';
import { UsageListingError } from './usage-error';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), env: {}, signal: new AbortController().signal });
  return { code, stdout, stderr };
}

const fake = (name: string): CliCommand =>
  defineCommand({ name, summary: `${name} summary`, usage: `${name} usage`, needs: { config: false, signIn: false, confirm: false }, run: async () => 0 });

describe('the command registry', () => {
  it('has unique names, one meaning per flag name, and help for every command', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    expect(() => flagTable(COMMANDS)).not.toThrow();
    for (const c of COMMANDS) {
      expect(c.summary.length, c.name).toBeGreaterThan(10);
      expect(commandUsage(c), c.name).toContain(`Usage: ucbridge ${c.name}`);
      for (const f of flagsOf(c)) expect(commandUsage(c), c.name).toContain(`--${f.name}`);
      expect(topUsage(COMMANDS)).toContain(`  ${c.name} `);
    }
  });

  it('refuses a flag name declared as two kinds', () => {
    const a = defineCommand({ ...fake('a'), flags: [{ name: 'x', kind: 'value', help: 'x' }] });
    const b = defineCommand({ ...fake('b'), flags: [{ name: 'x', kind: 'boolean', help: 'x' }] });
    expect(() => flagTable([a, b])).toThrow('--x');
  });

  it('resolves two-word commands before one-word ones; a group word alone lists its sub-commands', () => {
    const commands = [fake('users'), fake('users match'), fake('metadata crawl'), fake('metadata diff')];
    expect(resolveCommand(['users', 'match', 'f.csv'], commands)).toMatchObject({ command: { name: 'users match' }, operands: ['f.csv'] });
    expect(resolveCommand(['users', 'f.csv'], commands)).toMatchObject({ command: { name: 'users' }, operands: ['f.csv'] });
    expect(() => resolveCommand(['metadata'], commands)).toThrow(UsageListingError);
    try {
      resolveCommand(['metadata', 'nope'], commands);
    } catch (e) {
      expect((e as UsageListingError).listing).toContain('metadata crawl');
      expect((e as UsageListingError).listing).not.toContain('users match');
    }
  });

  it('prints a command\u2019s own help for `<command> --help` and `help <command>`', async () => {
    const own = await run(['whoami', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('Usage: ucbridge whoami [flags]');
    expect(own.stdout).toContain('--client-secret SECRET');
    expect(own.stdout).not.toContain('--config');
    expect((await run(['help', 'export-script'])).stdout).toContain('--out DIR');
  });

  it('an unknown command: one line, then the command list, exit 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    const [line, ...rest] = r.stderr.trimEnd().split('\n');
    expect(line).toBe('ucbridge: Unknown command "frobnicate".');
    expect(rest[0]).toBe('Commands:');
    for (const c of COMMANDS) expect(rest.join('\n')).toContain(c.name);
  });

  it('refuses a flag the command does not take, and words it does not take', async () => {
    expect(await run(['whoami', '--out', 'x'])).toMatchObject({ code: 2, stderr: 'ucbridge: whoami takes no --out flag. See ucbridge --help.\n' });
    expect(await run(['whoami', 'extra'])).toMatchObject({ code: 2, stderr: 'ucbridge: Unexpected argument "extra". See ucbridge --help.\n' });
  });
});
