#!/usr/bin/env node
'use strict';
/*
 * The `ucbridge` CLI (package.json "bin"). It runs the TypeScript sources directly through tsx's require hook
 * rather than a bundle built in a `prepare` step: ucbridge is used from a source checkout, where `npm install`
 * already installs tsx (a devDependency), so a fresh clone works with no build, and the CLI can never drift from
 * the sources the app and tests run. The hook is scoped (`tsx/cjs/api` `require`), so nothing else in the process
 * is transformed, and Node 20 needs no flags (it has no built-in TypeScript stripping).
 */
const { require: tsxRequire } = require('tsx/cjs/api');

tsxRequire('../electron/cli/main.ts', __filename).main();
