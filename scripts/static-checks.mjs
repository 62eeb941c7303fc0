#!/usr/bin/env node
// `npm run typecheck` (`node scripts/static-checks.mjs tsc-node tsc-web`) and the static half of `npm test` (the same
// plus `eslint`): the named checks run at the same time. eslint and each tsc are single-threaded, so on the 2-core
// machine they take about as long as the slowest pair instead of the sum (measured under load: eslint 62 s, tsc
// node 46 s, tsc web 37 s of CPU). `tsc -b` would not help: it builds references one by one and needs `composite`.
// Each check's output is printed whole after it ends, so outputs never interleave; any failure fails the run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const eslint = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const CHECKS = {
  eslint: [eslint, '.'],
  'tsc-node': [tsc, '-p', 'tsconfig.node.json'],
  'tsc-web': [tsc, '-p', 'tsconfig.web.json'],
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in CHECKS));
if (names.length === 0 || unknown.length > 0) {
  process.stderr.write(`static-checks: name checks from ${Object.keys(CHECKS).join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`);
  process.exit(2);
}

function check(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, CHECKS[name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, output: signal ? `${output}${name} ended by ${signal}\n` : output }));
  });
}

const results = await Promise.all(names.map(check));
for (const { name, code, output } of results) {
  if (output) process.stdout.write(output);
  if (code !== 0) process.stderr.write(`static-checks: ${name} failed (exit ${code})\n`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
