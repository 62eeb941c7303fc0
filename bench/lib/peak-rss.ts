import { readFile } from 'node:fs/promises';

/**
 * Peak resident set of this process (Linux VmHWM), in MB. A module of its own so that a bundled benchmark part
 * (bench/crawl-part.ts) can read it without bundling the sandbox.
 */
export async function peakRssMB(): Promise<number> {
  const match = /VmHWM:\s+(\d+) kB/.exec(await readFile('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}
