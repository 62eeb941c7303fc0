import { z } from 'zod';
import { ApplySummarySchema, IntegrationStatusSchema, type IntegrationView } from '../../../shared/contract/integration';
import { IntegrationSettingsSchema } from '../../../shared/integration/config';
import { ValidationReportSchema } from '../../../shared/integration/validation-types';
import type { KeyValueStore, Logger } from '../../ports';

/** The one key-value document the Configure-integration step keeps (never a secret: those live in the vault). */
export const INTEGRATION_KEY = 'integration';

export const IntegrationRecordSchema = z.object({
  v: z.literal(1),
  settings: IntegrationSettingsSchema.nullable(),
  status: IntegrationStatusSchema,
  lastValidation: ValidationReportSchema.nullable(),
  lastApply: ApplySummarySchema.nullable(),
  /** Application ids of service principals ucbridge created, so uninstall may offer to delete only those. */
  created: z.array(z.string()).default([]),
});
export type IntegrationRecord = z.output<typeof IntegrationRecordSchema>;

export const EMPTY_RECORD: IntegrationRecord = { v: 1, settings: null, status: 'not-configured', lastValidation: null, lastApply: null, created: [] };

export interface IntegrationStore {
  read(): Promise<IntegrationRecord>;
  /** Read, change and write back, one change at a time (an apply's status and a save can overlap). */
  update(change: (r: IntegrationRecord) => IntegrationRecord): Promise<IntegrationRecord>;
}

/**
 * Validated on every read: a document this version cannot understand (hand-edited, half-written by an older build)
 * reads as "not configured" and is logged — the user sees the step empty and can start again; the app never crashes.
 * The file-backed store keeps a backup of a document it could not parse (file-key-value-store.ts).
 */
export function createIntegrationStore(kv: KeyValueStore, logger: Logger): IntegrationStore {
  let chain: Promise<unknown> = Promise.resolve();
  async function read(): Promise<IntegrationRecord> {
    const raw = await kv.get(INTEGRATION_KEY);
    if (raw === undefined) return EMPTY_RECORD;
    const parsed = IntegrationRecordSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    logger.warn('the saved integration settings could not be read and are treated as not configured', {
      problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return EMPTY_RECORD;
  }
  return {
    read,
    update(change) {
      const next = chain.then(async () => {
        const updated = change(await read());
        await kv.set(INTEGRATION_KEY, updated);
        return updated;
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}

export function viewOf(r: IntegrationRecord, resumable: IntegrationView['resumable']): IntegrationView {
  return { settings: r.settings, status: r.settings === null && r.status !== 'uninstalled' ? 'not-configured' : r.status, lastValidation: r.lastValidation, lastApply: r.lastApply, resumable };
}
