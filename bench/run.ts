import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib/report';
import { formatTable, rowsOf, type Row } from './lib/summary';

/**
 * `npm run bench` runs every `bench/<name>.ts`; `npm run bench -- NAME [NAME…]` runs those. Each benchmark is its
 * own process (no shared JIT, heap or caches), streams its output, and ends with one JSON line
 * `{"bench":NAME,...}`, from which the summary table is built. Helpers live in `bench/lib/`.
 */
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

const available = (): string[] =>
  readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/\.(test|d)\.ts$/.test(e.name) && e.name !== 'run.ts')
    .map((e) => e.name.slice(0, -3))
    .sort();

function runOne(name: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, `${name}.ts`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      process.stdout.write(`  ${line}\n`);
      if (line.trim() !== '') last = line.trim();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with code ${code}`));
      try {
        const result = JSON.parse(last) as BenchResult;
        if (result.bench !== name) throw new Error(`its last line names "${String(result.bench)}"`);
        resolve(result);
      } catch (e) {
        reject(new Error(`${name}: the last output line is not {"bench":"${name}",…}: ${(e as Error).message}`));
      }
    });
  });
}

async function main(): Promise<number> {
  const all = available();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${all.join(', ')}`);
    return 2;
  }
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const name of wanted.length > 0 ? wanted : all) {
    console.log(`▶ ${name}`);
    try {
      rows.push(...rowsOf(await runOne(name)));
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  console.log(`\n${formatTable(rows)}`);
  for (const failure of failures) console.error(`FAILED ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));
