import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/start';

/**
 * The CLI bundle (scripts/build-cli.mjs) needs only the production dependencies: its external imports are Node
 * built-ins and package.json "dependencies", and it runs in a folder whose node_modules holds only what
 * `npm install --omit=dev` installs (the lock file's non-dev packages, linked; Node keeps the links' paths, so
 * nothing resolves through the full node_modules behind them).
 */
const root = resolve(__dirname, '..');
let app: string;
let pkg: { dependencies: Record<string, string> };

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
}

/** `node_modules/<name>` of every top-level package an `npm install --omit=dev` installs. */
async function productionPackages(): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  return Object.entries(lock.packages)
    .filter(([path, e]) => path.startsWith('node_modules/') && !path.slice('node_modules/'.length).includes('node_modules/') && !e.dev && !e.devOptional)
    .map(([path]) => path);
}

beforeAll(async () => {
  pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  app = await mkdtemp(join(tmpdir(), 'ucbridge-prod-'));
  // @ts-expect-error: a plain ESM script without type declarations.
  const { buildCli } = (await import('./build-cli.mjs')) as { buildCli: (outfile: string) => Promise<unknown> };
  await buildCli(join(app, 'out', 'cli', 'ucbridge.cjs'));
  await mkdir(join(app, 'bin'));
  await copyFile(join(root, 'bin', 'ucbridge.cjs'), join(app, 'bin', 'ucbridge.cjs'));
  await copyFile(join(root, 'package.json'), join(app, 'package.json'));
  for (const path of await productionPackages()) {
    if (!existsSync(join(root, path))) continue; // an optional package for another platform
    await mkdir(dirname(join(app, path)), { recursive: true });
    await symlink(join(root, path), join(app, path), 'dir');
  }
});
afterAll(() => rm(app, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}, nodeFlags: string[] = []) => node([...nodeFlags, join(app, 'bin', 'ucbridge.cjs'), ...args], env);

function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--preserve-symlinks', ...args], { cwd: app, env: { PATH: process.env.PATH, HOME: app, DATABRICKS_CONFIG_FILE: join(app, 'cfg'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the CLI bundle', () => {
  it('imports only Node built-ins and production dependencies', async () => {
    const bundle = await readFile(join(app, 'out', 'cli', 'ucbridge.cjs'), 'utf8');
    const required = [...new Set([...bundle.matchAll(/\b(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]!))];
    const packageOf = (id: string) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!);
    const builtins = new Set(builtinModules);
    const outside = required.filter((id) => !id.startsWith('node:') && !builtins.has(id) && !(packageOf(id) in pkg.dependencies));
    expect(outside).toEqual([]);
    expect(required).toContain('@databricks/sql');
  });

  it('bin/ucbridge.cjs without the bundle says what to run (exit 1)', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'ucbridge-unbuilt-'));
    await mkdir(join(bare, 'bin'));
    await copyFile(join(root, 'bin', 'ucbridge.cjs'), join(bare, 'bin', 'ucbridge.cjs'));
    const r = await node([join(bare, 'bin', 'ucbridge.cjs'), '--help']);
    await rm(bare, { recursive: true, force: true });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'ucbridge: the CLI is not built yet. Run `npm run build:cli` (or `npm install`) in the ucbridge folder, then try again.\n' });
  });

  it('--help loads no package at all (the services load when a command runs)', async () => {
    const hook = join(app, 'record-loads.cjs');
    await writeFile(hook, `const M = require('module'); const load = M._load; const seen = new Set();
M._load = function (id, ...rest) { if (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('node:') && !M.isBuiltin(id)) seen.add(id); return load.call(this, id, ...rest); };
process.on('exit', () => process.stderr.write('loaded:' + JSON.stringify([...seen]) + '\\n'));`);
    for (const args of [['--help'], ['whoami', '--help'], ['nope']]) {
      const r = await run(args, {}, ['--require', hook]);
      expect(r.stderr, args.join(' ')).toContain('loaded:[]');
    }
  });

  describe('with production dependencies only', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator({ log: () => undefined });
    });
    afterAll(() => emulator.stop());

    it('cannot reach a dev dependency (the folder really holds production dependencies only)', async () => {
      expect((await node(['-e', "require.resolve('esbuild')"])).code).not.toBe(0);
      expect((await node(['-e', "require.resolve('@databricks/sql')"])).code).toBe(0);
    });

    it('prints its help, exports scripts offline, and plans against the sandbox (sign-in, REST, the SQL driver)', async () => {
      expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: ucbridge <command>') });
      const config = {
        workspaceUrl: emulator.workspaceUrl,
        httpPath: emulator.warehouses[0]!.httpPath,
        catalog: 'ucbridge_prod',
        audit: { enabled: false },
        servicePrincipal: { applicationId: emulator.servicePrincipals[0]!.applicationId },
        governedCatalogs: ['main'],
        governedSchemas: { main: ['sales'] },
      };
      await writeFile(join(app, 'config.json'), JSON.stringify(config));
      const exported = await run(['export-script', '--config', join(app, 'config.json'), '--out', join(app, 'scripts')]);
      expect(exported).toMatchObject({ code: 0, stderr: '' });
      const plan = await run(['plan', '--json', '--config', join(app, 'config.json')], { NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_TOKEN: emulator.users.find((u) => u.admin)!.token });
      expect(plan).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(plan.stdout).steps.length).toBeGreaterThan(3);
    });
  });
});
