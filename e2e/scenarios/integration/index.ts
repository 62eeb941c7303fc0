import { automaticSetup } from './automatic-setup';
import { hostileInput } from './hostile-input';
import type { IntegrationScenario } from './integration-host';
import { manualSetup } from './manual-setup';
import { startWarehouse } from './start-warehouse';
import { uninstallApply } from './uninstall-apply';
import { uninstallPreview } from './uninstall-preview';

/** Step 2's scenarios, in the order they build on each other in one sandbox (set up, preview uninstall, …, uninstall). */
export const INTEGRATION_SCENARIOS: readonly IntegrationScenario[] = [hostileInput, startWarehouse, automaticSetup, uninstallPreview, manualSetup, uninstallApply];
