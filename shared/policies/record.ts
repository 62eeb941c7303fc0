import { z } from 'zod';

/**
 * The policies record: what applying the policies created or granted, item by item, with the statement that
 * undoes each. Uninstall and re-plans work from it, so ucbridge removes exactly what it made and revokes only the
 * privileges it added (a privilege someone held before stays). Saved locally and on the integration catalog's
 * staging volume, so the CLI on another machine finds it too. It holds names and SQL only, never a credential.
 */
export const RecordItemSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['function', 'mask', 'filter', 'abac', 'grant']),
  /** The statement that removes it (for a grant: revokes exactly `privileges`). */
  inverse: z.string().min(1),
  purpose: z.string(),
  /** Ids of other record items that must be undone before this one (the function a mask uses: the mask first). */
  undoAfter: z.array(z.string()),
  /** Function name, table, column or ABAC securable, for observing whether it is still there. */
  object: z.array(z.string()),
  column: z.string().optional(),
  /** Grants only: who, and the privileges the apply added (not those held before). */
  principal: z.string().optional(),
  privileges: z.array(z.string()).optional(),
});
export type RecordItem = z.infer<typeof RecordItemSchema>;

export const PoliciesRecordSchema = z.object({
  recordVersion: z.literal(1),
  catalog: z.string(),
  items: z.array(RecordItemSchema),
});
export type PoliciesRecord = z.infer<typeof PoliciesRecordSchema>;
