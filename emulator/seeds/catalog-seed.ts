import type { SeedName } from '../contracts';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { seedDemoCatalog } from './catalog-demo';
import { seedEmptyCatalog } from './catalog-empty';
import { seedLargeCatalog, type LargeSeedOptions } from './catalog-large';

export type CatalogSeedOptions = LargeSeedOptions;

/**
 * Fills a fresh metastore from a seed. A metastore reloaded from the data dir is left as it was, so a restart
 * never duplicates or resets what users changed.
 */
export async function seedCatalog(uc: UnityCatalog, seed: SeedName, options: CatalogSeedOptions = {}): Promise<void> {
  if (uc.restored) return;
  switch (seed) {
    case 'empty':
      await seedEmptyCatalog(uc);
      break;
    case 'demo':
      await seedDemoCatalog(uc);
      break;
    case 'large':
      await seedDemoCatalog(uc);
      await seedLargeCatalog(uc, options);
      break;
  }
  await uc.sync();
}
