import type { Page } from '@playwright/test';
import type { ScenarioHost } from '../scenario-host';

/**
 * What the step-2 scenarios need beyond the shell's ScenarioHost: a signed-in session on the sandbox (through
 * the app's own sign-in), a way to run SQL in the workspace as its admin ("a colleague ran the script"), and the
 * sandbox's demo names.
 */
export interface IntegrationHost extends ScenarioHost {
  /** Signs in to the local sandbox as its admin through the Authenticate step, unless already signed in. */
  signIn(page: Page): Promise<void>;
  /** Runs statements one by one on the sandbox's running warehouse as the workspace admin. */
  runAsAdmin(statements: readonly string[]): Promise<void>;
  readonly demo: {
    readonly runningWarehouse: string;
    readonly servicePrincipal: string;
    readonly governedCatalog: string;
  };
}

export interface IntegrationScenario {
  readonly title: string;
  run(page: Page, host: IntegrationHost): Promise<void>;
}
