import type { IntegrationConfig } from './config';
import { emptyTargetObservation, type ObservedState, type TargetObservation } from './observed-state';
import { setupSteps } from './setup-steps';

/** The observation of a workspace where every set-up step of `config` has run (per target). */
export function convergedObservation(config: IntegrationConfig): ObservedState {
  const targets: Record<string, TargetObservation> = {};
  for (const { check, target } of setupSteps(config)) {
    const o = (targets[target] ??= emptyTargetObservation());
    const catalog = (name: string) => {
      if (!o.catalogs.some((c) => c.name === name)) o.catalogs.push({ name, owner: 'installer@example.com', integrationTag: null });
      return o.catalogs.find((c) => c.name === name)!;
    };
    switch (check.kind) {
      case 'catalog':
        catalog(check.catalog);
        break;
      case 'catalog-tag':
        catalog(check.catalog).integrationTag = check.value;
        break;
      case 'schema':
        o.schemas.push([...check.name]);
        break;
      case 'table':
        o.tables.push([...check.name]);
        break;
      case 'volume':
        o.volumes.push([...check.name]);
        break;
      case 'grant':
        o.grants.push({ securable: check.securable, name: [...check.name], privileges: [...check.privileges] });
        break;
    }
  }
  return { targets, at: 0 };
}
