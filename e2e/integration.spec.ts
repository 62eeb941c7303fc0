import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { require as tsxRequire } from 'tsx/cjs/api';
import { INTEGRATION_SCENARIOS } from './scenarios/integration';
import { cancelAndResume } from './scenarios/integration/cancel-and-resume';
import { payloadWithSecret } from './scenarios/integration/payload-with-secret';
import type { IntegrationHost } from './scenarios/integration/integration-host';
import { test, type AuthWorld } from './support/auth-fixture';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { harnessHost } from './support/harness-host';
import { signInToSandbox } from './support/sandbox-sign-in';

type SandboxSqlModule = typeof import('../electron/services/integration/observe/sandbox-sql.test-support');

// Without /usr/bin/chromium global-setup prints the one reason line (and fails the run under CI=true).
test.skip(!hasChromium(), CHROMIUM_MISSING);

/** The step-2 host over the auth fixture's sandbox and harness: sign-in through the UI, SQL as the admin. */
function integrationHost(world: AuthWorld, page: Page): IntegrationHost {
  const running = world.emulator.warehouses.find((w) => w.state === 'RUNNING');
  if (!running) throw new Error('the sandbox has no running warehouse');
  return {
    ...harnessHost(world.harness, page),
    signIn: (p) => signInToSandbox(p, world),
    async runAsAdmin(statements) {
      const { sandboxSql } = tsxRequire('../electron/services/integration/observe/sandbox-sql.test-support.ts', __filename) as SandboxSqlModule;
      const admin = world.emulator.users.find((u) => u.admin);
      if (!admin) throw new Error('the sandbox has no admin user');
      const logDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-sql-'));
      const sql = sandboxSql(world.emulator, admin.userName, logDir);
      const session = await sql.open();
      try {
        for (const statement of statements) await session.execute(statement);
      } finally {
        await session.close();
        await sql.close();
        await rm(logDir, { recursive: true, force: true });
      }
    },
    demo: { runningWarehouse: running.name, servicePrincipal: 'governance-sync', governedCatalog: 'finance' },
  };
}

test.describe('Configure integration (step 2) against the sandbox in Debian chromium', () => {
  // One sandbox per worker: the scenarios build on each other (set up, then preview the uninstall). Serial: after a
  // failure the rest are reported as not run (and the worker, with its sandbox, is replaced), never as failures of
  // their own.
  test.describe.configure({ mode: 'serial' });
  for (const scenario of INTEGRATION_SCENARIOS) {
    test(scenario.title, async ({ page, auth }) => {
      test.setTimeout(120_000);
      await scenario.run(page, integrationHost(auth, page));
    });
  }

  test('Cancel during apply keeps a journal; the step offers to resume, and resuming finishes the set-up', async ({ page, auth }) => {
    test.setTimeout(120_000);
    const { faults } = auth.emulator;
    await cancelAndResume(page, integrationHost(auth, page), {
      slowDown: (latencyMs) => void faults.set({ latencyMs }),
      hold: () => {
        faults.gate.close();
        return faults.gate.holding(1);
      },
      answer: () => faults.gate.open(),
    });
  });

  test('UCBRIDGE_USER: its secret stays in the vault, and the payload with it is saved by main only after confirming', async ({ page, auth }) => {
    test.setTimeout(120_000);
    await payloadWithSecret(page, integrationHost(auth, page), (path) => readFile(path, 'utf8'));
  });
});
