#!/usr/bin/env node
// Regenerates the app icons under build/ from build/icon.svg, offline: Debian's chromium (through playwright-core)
// draws the SVG at each size on a transparent background, and scripts/icon-containers.mjs packs the ICO and ICNS.
// The outputs are committed; run this only after changing the SVG: `node scripts/build-icons.mjs`.
//   build/icon.png (1024, electron-builder's fallback), build/icons/<n>x<n>.png (Linux), icon.ico, icon.icns.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { icnsFile, icoFile } from './icon-containers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

async function main() {
  const svg = await readFile(join(build, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const pngs = new Map();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of LINUX_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  await mkdir(join(build, 'icons'), { recursive: true });
  for (const [size, png] of pngs) await writeFile(join(build, 'icons', `${size}x${size}.png`), png);
  await writeFile(join(build, 'icon.png'), pngs.get(1024));
  await writeFile(join(build, 'icon.ico'), icoFile(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(join(build, 'icon.icns'), icnsFile(ICNS_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`ucbridge: icons written to ${build} (${LINUX_SIZES.join(', ')} px)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
