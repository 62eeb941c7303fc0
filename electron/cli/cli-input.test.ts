import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from './cli.test-support';

/** Bad input, offline: each is exit 2 with one line that says what is wrong and where, and never a file's content. */
let home: string;
const cli = (args: string[]) => runCliProcess(args, { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg') });
const SEVERAL_RUNS = 60_000;

const good = {
  workspaceUrl: 'lakeside.cloud.databricks.com',
  httpPath: '/sql/1.0/warehouses/abc123',
  catalog: 'ucbridge',
  audit: { enabled: true },
  servicePrincipal: { applicationId: '5c0ffee0-0000-4000-8000-00000000beef' },
  governedCatalogs: ['main'],
  governedSchemas: { main: ['sales'] },
};

async function file(name: string, content: unknown): Promise<string> {
  const path = join(home, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-input-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('config files', () => {
  it('a file that is not JSON: line and column only, never its content (a token file passed by mistake)', async () => {
    const token = 'dapi0123456789abcdef0123456789abcdef';
    const run = await cli(['plan', '--config', await file('token.txt', token)]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`ucbridge: The config file ${join(home, 'token.txt')} is not valid JSON: the error is at line 1, column 1.\n`);
    const broken = await cli(['plan', '--config', await file('broken.json', '{\n  "catalog": "secretvalue",\n  "audit" {}\n}')]);
    expect(broken.stderr).toContain('is not valid JSON: the error is at line 3, column 11.');
    expect(broken.stderr).not.toContain('secretvalue');
    expect(broken.stderr).not.toContain('audit');
  }, SEVERAL_RUNS);

  it('says what to write for "audit": true', async () => {
    const run = await cli(['plan', '--config', await file('audit.json', { ...good, audit: true })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('audit: an object, not true: write "audit": {"enabled": true}');
  });

  it('checks workspaceUrl with the parser the app uses, with its words', async () => {
    const run = await cli(['export-script', '--config', await file('url.json', { ...good, workspaceUrl: 'https://lakeside.cloud.databricks.com/?o=123' }), '--out', join(home, 'x')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('In the config file, workspaceUrl is not a workspace address: Enter only the workspace address, without a path, "?o=…" or anything after it. Write https://lakeside.cloud.databricks.com.');
    const other = await cli(['export-script', '--config', await file('url2.json', { ...good, workspaceUrl: 'evil.example.com' }), '--out', join(home, 'x')]);
    expect(other.stderr).toContain('evil.example.com is not a Databricks workspace or account console address');
    await expect(readdir(join(home, 'x'))).rejects.toThrow();
  }, SEVERAL_RUNS);
});

describe('--out', () => {
  it('a path it cannot write is exit 2 with the path and what is wrong with it', async () => {
    const config = await file('ok.json', good);
    const blocker = await file('a-file', 'x');
    const underFile = await cli(['export-script', '--config', config, '--out', join(blocker, 'scripts')]);
    expect(underFile).toMatchObject({ code: 2, stdout: '' });
    expect(underFile.stderr).toBe(`ucbridge: Cannot write ${join(blocker, 'scripts')}: part of the path is a file, not a folder. Choose another --out, or fix the path and run again.\n`);
    const onFile = await cli(['export-script', '--config', config, '--out', blocker]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toBe(`ucbridge: Cannot write ${blocker}: a file is in the way. Choose another --out, or fix the path and run again.\n`);
  }, SEVERAL_RUNS);
});

describe('commands', () => {
  it('an unknown command prints one line and the command list', async () => {
    const run = await cli(['frobnicate']);
    expect(run.code).toBe(2);
    const [first, ...rest] = run.stderr.trimEnd().split('\n');
    expect(first).toBe('ucbridge: Unknown command "frobnicate".');
    expect(rest[0]).toBe('Commands:');
    expect(rest.join('\n')).toMatch(/ {2}whoami +Sign in and print who you are/);
    expect(rest.join('\n')).toMatch(/ {2}init +Write an integration config/);
  });

  it('escapes control characters in what it prints, even in a usage error', async () => {
    const run = await cli(['who\u001b[2Jami\u202e']);
    expect(run.stderr.split('\n')[0]).toBe('ucbridge: Unknown command "who\\u001b[2Jami\\u202e".');
  });
});
