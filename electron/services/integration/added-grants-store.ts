import { AddedGrantsSchema, mergeAdded, type AddedGrant } from '../../../shared/integration/added-grants';
import { sha256Hex } from '../../../shared/integration/sha256';
import { AppFailure } from '../../../shared/result';
import type { KeyValueStore, Logger } from '../../ports';
import type { RestClient } from '../connection/types';
import { readManifest } from './apply/manifest';

/**
 * Where the record of what set-up added lives: in the manifest on the staging volume (written after a set-up that
 * finished, so the CLI on another machine finds it) and in local state (written after every run, finished or not:
 * an interrupted set-up's grants are known to a later uninstall even though no manifest was written).
 */
const kvKey = (catalog: string): string => `integration-added-grants.${sha256Hex(catalog.toLowerCase()).slice(0, 16)}`;

/**
 * Both places together: a privilege either says set-up added is one ucbridge added. Null when neither has a
 * record (nothing applied from here, or an older ucbridge's manifest): the uninstall then falls back to observation.
 */
export async function loadAddedGrants(rest: RestClient, kv: KeyValueStore, catalog: string, logger: Logger, signal?: AbortSignal): Promise<AddedGrant[] | null> {
  let fromManifest: AddedGrant[] | null = null;
  try {
    fromManifest = (await readManifest(rest, catalog, signal))?.addedPrivileges ?? null;
  } catch (e) {
    if (!(e instanceof AppFailure) || signal?.aborted) throw e;
    // NOT_FOUND (never applied, or the catalog is gone) or a volume out of reach: local state may still know.
    logger.info('no set-up manifest to read the added privileges from', { code: e.error.code });
  }
  const local = AddedGrantsSchema.safeParse(await kv.get(kvKey(catalog)));
  const fromLocal = local.success ? local.data : null;
  if (fromManifest === null && fromLocal === null) return null;
  return mergeAdded(fromManifest, fromLocal ?? []);
}

export const saveAddedGrantsLocally = (kv: KeyValueStore, catalog: string, added: readonly AddedGrant[]): Promise<void> => kv.set(kvKey(catalog), added);

/** After an uninstall that finished: what set-up added is revoked, so nothing is left to record. */
export const clearAddedGrantsLocally = (kv: KeyValueStore, catalog: string): Promise<void> => kv.delete(kvKey(catalog));
