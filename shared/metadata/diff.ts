import { z } from 'zod';

/**
 * What a re-crawl found against the previous snapshot. A table dropped and created again under the same name
 * (its creation time moved) is listed as dropped and as new, never as changed: it is another object.
 */
export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column-added'), column: z.string(), type: z.string() }),
  z.object({ kind: z.literal('column-dropped'), column: z.string(), type: z.string() }),
  z.object({ kind: z.literal('column-type'), column: z.string(), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('column-moved'), column: z.string(), from: z.number().int(), to: z.number().int() }),
  /** `column` null: a tag on the table itself. `from` null: the tag is new. */
  z.object({ kind: z.literal('tag-set'), column: z.string().nullable(), key: z.string(), from: z.string().nullable(), to: z.string() }),
  z.object({ kind: z.literal('tag-removed'), column: z.string().nullable(), key: z.string(), from: z.string() }),
  z.object({ kind: z.literal('column-mask'), column: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('row-filter'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('owner'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('comment'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('table-type'), from: z.string().nullable(), to: z.string().nullable() }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const ObjectTypeSchema = z.enum(['CATALOG', 'SCHEMA', 'TABLE']);
export type ObjectType = z.infer<typeof ObjectTypeSchema>;

export const DiffObjectSchema = z.object({ fullName: z.string(), objectType: ObjectTypeSchema });
export const ChangedObjectSchema = DiffObjectSchema.extend({ changes: z.array(ChangeSchema) });

export const DiffSchema = z.object({
  new: z.array(DiffObjectSchema),
  changed: z.array(ChangedObjectSchema),
  dropped: z.array(DiffObjectSchema),
});
export type Diff = z.infer<typeof DiffSchema>;

export const EMPTY_DIFF: Diff = { new: [], changed: [], dropped: [] };

/** The CLI's `metadata diff --json`: names only for new and dropped objects. */
export const cliDiff = (d: Diff) => ({
  new: d.new.map((o) => o.fullName),
  changed: d.changed.map((o) => ({ fullName: o.fullName, changes: o.changes })),
  dropped: d.dropped.map((o) => o.fullName),
});
