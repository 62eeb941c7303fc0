#!/usr/bin/env node
'use strict';
/*
 * The `ucbridge` CLI (package.json "bin"). It runs the bundle scripts/build-cli.mjs makes (out/cli/ucbridge.cjs):
 * one file that needs only the production dependencies and starts without compiling TypeScript. `npm install`
 * (the `prepare` script) and `npm run build` build it.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'cli', 'ucbridge.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('ucbridge: the CLI is not built yet. Run `npm run build:cli` (or `npm install`) in the ucbridge folder, then try again.\n');
  process.exit(1);
}
require(bundle).main();
