import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { heavyLibrariesIn, measureInitialJs } from './initial-js';

describe('measureInitialJs', () => {
  it('counts module scripts and modulepreloads of index.html, never lazy chunks or CSS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'initial-js-'));
    mkdirSync(join(dir, 'assets'));
    const entry = 'console.log("entry");'.repeat(50);
    const vendor = 'export const v = 1;'.repeat(80);
    writeFileSync(join(dir, 'assets', 'index.js'), entry);
    writeFileSync(join(dir, 'assets', 'vendor.js'), vendor);
    writeFileSync(join(dir, 'assets', 'lazy-step.js'), 'x'.repeat(10_000));
    writeFileSync(join(dir, 'assets', 'index.css'), 'body{}');
    writeFileSync(
      join(dir, 'index.html'),
      `<html><head><script type="module" crossorigin src="./assets/index.js"></script>
       <link rel="modulepreload" crossorigin href="./assets/vendor.js">
       <link rel="stylesheet" href="./assets/index.css"></head><body></body></html>`,
    );
    const result = measureInitialJs(dir);
    expect(result.files).toEqual(['./assets/index.js', './assets/vendor.js']);
    expect(result.rawBytes).toBe(entry.length + vendor.length);
    expect(result.gzipBytes).toBe(
      gzipSync(Buffer.from(entry), { level: 9 }).length + gzipSync(Buffer.from(vendor), { level: 9 }).length,
    );
  });

  it('names the heavy libraries initial JavaScript carries by strings only their code has', () => {
    const dir = mkdtempSync(join(tmpdir(), 'initial-js-'));
    writeFileSync(join(dir, 'entry.js'), 'const c="react-flow__node";');
    writeFileSync(join(dir, 'step.js'), 'ranker:"network-simplex";const w="recharts-wrapper";');
    expect(heavyLibrariesIn(dir, ['./entry.js'])).toEqual(['React Flow']);
    expect(heavyLibrariesIn(dir, ['./entry.js', './step.js'])).toEqual(['React Flow', 'Recharts', 'dagre']);
  });
});
