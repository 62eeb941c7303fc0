import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import renderer from './vite.config';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as { dependencies?: Record<string, string> };

/**
 * Only the SQL driver and DuckDB stay runtime dependencies of main (package.json "dependencies", and nothing else
 * is there): the driver has optional native modules (lz4-napi, the kernel), a dynamic import and its own
 * dependencies (thrift with its nested ws@5), and DuckDB (step 4's metadata index) is a native binding; electron-builder
 * ships those, native files unpacked. Everything else main uses (zod, undici, yaml…) is a dev dependency bundled
 * into out/main, so the package does not carry it twice (it did: 9.5 MB of a 22 MB app.asar). The renderer's React
 * is bundled into out/renderer the same way. Pinned by scripts/electron-builder-config.test.ts.
 */
export const EXTERNAL = ['@databricks/sql', '@duckdb/node-api'];
/** `out/` unless told otherwise (the build test writes to a temporary directory). */
const OUT = process.env.UCBRIDGE_BUILD_OUT ?? fromRoot('./out');
const bundled = Object.keys(pkg.dependencies ?? {}).filter((name) => !EXTERNAL.includes(name));

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      externalizeDeps: { exclude: bundled },
      rolldownOptions: {
        input: { index: fromRoot('./electron/main/index.ts') },
        // Bundled packages written for plain Node (yaml, for policy files) require bare built-ins such as
        // `process`; electron-vite marks them external before any plugin sees them, so the output names them
        // `node:process`: a built-in by name, which no package in node_modules can shadow.
        output: { paths: (id: string) => (builtinModules.includes(id) ? `node:${id}` : id) },
      },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      // A sandboxed preload can require only `electron` (and a few Node built-ins): one self-contained CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      outDir: `${OUT}/renderer`,
      rolldownOptions: { input: { index: fromRoot('./renderer/index.html') } },
    },
  },
});
