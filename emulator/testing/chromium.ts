import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Browser tests run in Debian's chromium (never a downloaded browser). Without it they skip with one line, except
 * under CI=true where they must fail (docs/engineering.md "Tests").
 */
export function browserTestsSkipped(): boolean {
  const skip = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
  if (skip) console.warn(`Skipping browser tests: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
  return skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
