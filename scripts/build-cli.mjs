#!/usr/bin/env node
// Bundles the `ucbridge` CLI (electron/cli/main.ts) into one CommonJS file, out/cli/ucbridge.cjs, which
// bin/ucbridge.cjs runs. Run by `npm install` (the `prepare` script), `npm run build` and the unit tests' global
// set-up. Production dependencies (package.json "dependencies") stay outside the bundle and are required from
// node_modules; everything else the CLI imports is bundled, so it runs after `npm install --omit=dev`.
// Dynamic `import()`s are bundled too but evaluated only when reached: `ucbridge --help` loads no command's work.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'out', 'cli', 'ucbridge.cjs');

/**
 * Builds the bundle (to `outfile`, default out/cli/ucbridge.cjs); resolves to the esbuild result. `entry` is for
 * benchmarks that measure app code as it ships (bench/crawl.ts); the CLI's is electron/cli/main.ts.
 */
export async function buildCli(outfile = CLI_BUNDLE, entry = join(root, 'electron', 'cli', 'main.ts')) {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Each production dependency, and its sub-paths (`zod/v4`), is required at run time.
    external: Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]),
    tsconfig: join(root, 'tsconfig.node.json'),
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
}

async function main() {
  try {
    await import('esbuild');
  } catch {
    // `npm install --omit=dev` has no esbuild; a bundle already built (a packed release) still works.
    console.error('ucbridge: esbuild is not installed (dev dependencies omitted), so the CLI bundle was not rebuilt.');
    return;
  }
  await buildCli();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(`ucbridge: building the CLI failed: ${e.message}`);
    process.exit(1);
  });
}
