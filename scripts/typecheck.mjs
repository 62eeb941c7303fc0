#!/usr/bin/env node
// `npm run typecheck`: the two TypeScript programs (tsconfig.node.json, tsconfig.web.json) checked at the same time.
// Each `tsc` is single-threaded, so on the 2-core machine the pair takes about as long as the slower one instead of
// the sum (measured: 46 s + 37 s of CPU one after the other). `tsc -b` would not help: it builds references one by
// one and needs `composite`. Each program's output is printed whole, after it ends, so the two never interleave.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const PROJECTS = ['tsconfig.node.json', 'tsconfig.web.json'];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ project, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ project, code: code ?? 1, output: signal ? `${output}tsc ended by ${signal}\n` : output }));
  });
}

const results = await Promise.all(PROJECTS.map(check));
for (const { project, code, output } of results) {
  if (output) process.stdout.write(output);
  if (code !== 0) process.stderr.write(`typecheck: ${project} has errors (tsc exit ${code})\n`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
