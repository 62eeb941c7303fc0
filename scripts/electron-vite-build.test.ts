import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'ucb-build-'));
  await run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    env: { ...process.env, UCBRIDGE_BUILD_OUT: out },
  });
}, 180_000);

const requires = (code: string): string[] => [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);

describe('electron-vite build', () => {
  it('bundles the sandboxed preload into one CommonJS file that requires only electron', async () => {
    expect(await readdir(join(out, 'preload'))).toEqual(['index.cjs']);
    const code = await readFile(join(out, 'preload', 'index.cjs'), 'utf8');
    expect([...new Set(requires(code))]).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('bundles main as CommonJS, with only Node built-ins, electron, the SQL driver and DuckDB left to require', async () => {
    const code = await readFile(join(out, 'main', 'index.js'), 'utf8');
    for (const name of requires(code)) {
      // A bundled package may require a built-in without the node: prefix (yaml requires 'process').
      const builtin = name.startsWith('node:') || builtinModules.includes(name);
      expect(name === 'electron' || builtin || name.startsWith('@databricks/sql') || name === '@duckdb/node-api', name).toBe(true);
    }
    expect(code).toContain('ucbridge:ready');
  });

  it('builds the renderer with relative asset URLs', async () => {
    const html = await readFile(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/src="\.\/assets\//);
  });

  it('loads the first render as the harness link (first, async), its scripts at once and one stylesheet', async () => {
    const html = await readFile(join(out, 'renderer', 'index.html'), 'utf8');
    const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]).filter((t) => !t.includes('rel="icon"'));
    // React, the other libraries and the app's code are three scripts of similar size that Chromium compiles in
    // parallel on background threads; as one script they compiled one after the other (README, renderer-size).
    expect(tags.map((t) => t.replace(/-[\w-]{8}\./u, '.'))).toEqual([
      '<script type="module" async fetchpriority="high" crossorigin src="./assets/harness-link.js">',
      '<script type="module" crossorigin src="./assets/index.js">',
      '<link rel="modulepreload" crossorigin href="./assets/rolldown-runtime.js">',
      '<link rel="modulepreload" crossorigin href="./assets/react.js">',
      '<link rel="modulepreload" crossorigin href="./assets/libraries.js">',
      '<link rel="stylesheet" crossorigin href="./assets/index.css">',
    ]);
    const assets = join(out, 'renderer', 'assets');
    const sizes = await Promise.all(['index', 'react', 'libraries'].map(async (name) => (await readFile(join(assets, (await readdir(assets)).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'))!))).length));
    // Each part compiles alongside the others, so the largest sets the pace: that is React's (react-dom's client, one
    // module that cannot be split), and neither of the others is larger.
    const [index, react, libraries] = sizes as [number, number, number];
    expect(Math.max(index, libraries)).toBeLessThan(react);
    // The first step is in that script, not a chunk of its own fetched after it.
    expect((await readdir(join(out, 'renderer', 'assets'))).filter((f) => f.startsWith('authenticate'))).toEqual([]);
  });

  it('marks the first render’s scripts, and only them, for V8 to compile eagerly off the main thread', async () => {
    const assets = join(out, 'renderer', 'assets');
    const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    const hinted: string[] = [];
    for (const f of scripts) if ((await readFile(join(assets, f), 'utf8')).startsWith('//# allFunctionsCalledOnLoad\n')) hinted.push(f.replace(/-[\w-]{8}\./u, '.'));
    expect(hinted.sort()).toEqual(['index.js', 'libraries.js', 'react.js', 'rolldown-runtime.js']);
  });
});
