import { z } from 'zod';
import { STAGING_VOLUME } from '../../../shared/integration/integration-objects';
import { sha256Hex } from '../../../shared/integration/sha256';
import { PoliciesRecordSchema, type PoliciesRecord } from '../../../shared/policies/record';
import { AppFailure } from '../../../shared/result';
import type { KeyValueStore, Logger } from '../../ports';
import type { RestClient } from '../connection/types';

/**
 * Where the policies record lives: on the integration catalog's staging volume (Files API), so that the CLI on
 * another machine and the app agree on what the policies created, and in local state as a fallback when the
 * volume cannot be read (set-up not applied, or no privilege on it). It holds names and SQL, no credential.
 */
export const RECORD_FILE = 'policies-record.json';
/** Local state keys allow letters, digits, `.`, `_` and `-`: the catalog name (any Unicode) goes in as a hash. */
const kvKey = (catalog: string): string => `policies-record.${sha256Hex(catalog.toLowerCase()).slice(0, 16)}`;

export const recordApiPath = (catalog: string): string =>
  `/api/2.0/fs/files/${['Volumes', catalog, STAGING_VOLUME.schema, STAGING_VOLUME.name, RECORD_FILE].map(encodeURIComponent).join('/')}`;

export async function loadRecord(rest: RestClient, kv: KeyValueStore, catalog: string, signal?: AbortSignal): Promise<PoliciesRecord | null> {
  try {
    const r = await rest.request({ method: 'GET', path: recordApiPath(catalog), schema: PoliciesRecordSchema.nullable(), what: 'Reading the policies record', ...(signal ? { signal } : {}) });
    if (r && r.items.length > 0) return r;
    if (r) return null;
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    // NOT_FOUND (never applied, or uninstalled) and a volume out of reach both fall back to local state.
  }
  const local = PoliciesRecordSchema.safeParse(await kv.get(kvKey(catalog)));
  return local.success && local.data.items.length > 0 ? local.data : null;
}

export async function saveRecord(rest: RestClient, kv: KeyValueStore, record: PoliciesRecord, logger: Logger, signal?: AbortSignal): Promise<void> {
  await kv.set(kvKey(record.catalog), record);
  try {
    await rest.request({ method: 'PUT', path: recordApiPath(record.catalog), query: { overwrite: true }, body: record, schema: z.unknown(), what: 'Writing the policies record to the staging volume', ...(signal ? { signal } : {}) });
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    logger.warn('policies record kept locally only', { code: e.error.code });
  }
}
