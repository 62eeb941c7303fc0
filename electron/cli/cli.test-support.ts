import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The CLI as users run it: bin/ucbridge.cjs (the bundle the unit tests' global set-up builds). */
export const CLI_BIN = resolve(__dirname, '../../bin/ucbridge.cjs');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Spawns `node bin/ucbridge.cjs ARGS` with a clean environment (PATH, HOME and what the test passes: nothing from the
 * developer's own Databricks set-up) and stdin a closed pipe, i.e. not a terminal.
 */
export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * Runs the CLI on a real terminal (a pseudo-terminal from util-linux `script`, part of every Debian), answering each
 * question when its prompt appears, as a person would. The output is what the terminal showed (stdout and stderr
 * together, with the terminal's CR LF line ends turned back into LF).
 */
export function runCliInTerminal(args: readonly string[], env: NodeJS.ProcessEnv, answers: readonly (readonly [prompt: string, answer: string])[]): Promise<CliRun> {
  return new Promise((done) => {
    const command = [process.execPath, CLI_BIN, ...args].map(shellQuote).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env: { PATH: process.env.PATH, TERM: 'xterm', ...env } });
    let shown = '';
    let next = 0;
    let searchFrom = 0;
    child.stdout.on('data', (c: Buffer) => {
      shown += c.toString();
      for (let pending = answers[next]; pending; pending = answers[next]) {
        const at = shown.indexOf(pending[0], searchFrom);
        if (at < 0) return;
        searchFrom = at + pending[0].length;
        next++;
        child.stdin.write(`${pending[1]}\n`);
      }
    });
    child.on('close', (code) => done({ code, stdout: shown.replaceAll('\r\n', '\n'), stderr: next < answers.length ? `unanswered: ${answers[next]![0]}` : '' }));
  });
}
