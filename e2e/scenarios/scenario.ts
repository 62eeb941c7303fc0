import type { Page } from '@playwright/test';
import type { ScenarioHost } from './scenario-host';

export interface Scenario {
  readonly title: string;
  run(page: Page, host: ScenarioHost): Promise<void>;
}
