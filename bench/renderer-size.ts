import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_PATH } from '../e2e/support/environment';
import { measureFirstRender } from './lib/first-render';
import { heavyLibrariesIn, measureInitialJs } from './lib/initial-js';
import { median, report, round } from './lib/report';

/**
 * The renderer's weight and start: `initialJsGzipKB` (JS loaded by index.html before any lazy chunk, target ≤ 300,
 * product.md "Targets") and `firstRenderMs` (median over RUNS of navigation start → first meaningful render in
 * the browser harness). Builds a production renderer into a temporary folder, so out/renderer is left alone.
 */
const RUNS = 9;
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'ucbridge-renderer-'));
  try {
    process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const js = measureInitialJs(outDir);
    console.log(`initial JS: ${js.files.join(', ')} — ${js.rawBytes} bytes, ${js.gzipBytes} gzipped`);
    // React Flow, Recharts and dagre are step 4's: none may reach the first chunk.
    const heavyLibraries = heavyLibrariesIn(outDir, js.files);

    let firstRender: { firstRenderMs: number | null; firstRenderMinMs?: number; firstRenderMaxMs?: number; note?: string };
    if (existsSync(CHROMIUM_PATH)) {
      const times = await measureFirstRender(outDir, RUNS);
      console.log(`first render (ms, ${RUNS} cold runs): ${times.map((t) => round(t)).join(', ')}`);
      firstRender = {
        firstRenderMs: round(median(times)),
        firstRenderMinMs: round(Math.min(...times)),
        firstRenderMaxMs: round(Math.max(...times)),
      };
    } else {
      firstRender = { firstRenderMs: null, note: `${CHROMIUM_PATH} is missing: firstRenderMs not measured` };
    }
    report({
      bench: 'renderer-size',
      initialJsGzipKB: round(js.gzipBytes / 1000),
      initialJsFiles: js.files.length,
      heavyLibrariesInInitialJs: heavyLibraries,
      ...firstRender,
      firstRenderRuns: RUNS,
      targets: { initialJsGzipKB: { max: 300 } },
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

void main();
