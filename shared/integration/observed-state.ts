import { z } from 'zod';

/**
 * What the planner needs to know about a workspace to mark each step create / change / unchanged: the objects
 * the plan would create, whether the integration catalog carries ucbridge's marker tag, and the privileges granted
 * directly to the service principal on each securable the plan grants on. Observed per target workspace (the
 * main one, or an additional workspace's URL): catalogs bound to another workspace are only visible from it
 * (information_schema.catalogs lists catalogs bound to the current workspace, reference §2).
 */

export const SecurableTypeSchema = z.enum(['CATALOG', 'SCHEMA', 'TABLE', 'VOLUME']);
export type SecurableType = z.infer<typeof SecurableTypeSchema>;

const Name = z.string().min(1);

export const ObservedCatalogSchema = z.object({
  name: Name,
  owner: z.string().nullable(),
  /** Value of the `ucbridge_integration` tag (the workspace host that set it up), null when untagged. */
  integrationTag: z.string().nullable(),
});

export const ObservedGrantSchema = z.object({
  securable: SecurableTypeSchema,
  /** Name parts, lower-case as Unity Catalog stores them: `['cat']`, `['cat', 'schema']`, `['cat', 'schema', 'vol']`. */
  name: z.array(Name).min(1).max(3),
  /** Privileges granted directly (not inherited), SQL spelling with spaces: `USE CATALOG`, `ALL PRIVILEGES`. */
  privileges: z.array(z.string()),
});
export type ObservedGrant = z.infer<typeof ObservedGrantSchema>;

export const TargetObservationSchema = z.object({
  /** Only the catalogs the plan refers to (integration, governed, `system`) that exist and are visible. */
  catalogs: z.array(ObservedCatalogSchema),
  /** `[catalog, schema]` pairs that exist, in the integration catalog and `system`. */
  schemas: z.array(z.tuple([Name, Name])),
  /** `[catalog, schema, table]` triples that exist, in the integration catalog and `system`. */
  tables: z.array(z.tuple([Name, Name, Name])),
  volumes: z.array(z.tuple([Name, Name, Name])),
  /** Direct grants to the service principal on the securables the plan grants on. */
  grants: z.array(ObservedGrantSchema),
});
export type TargetObservation = z.infer<typeof TargetObservationSchema>;

/** The metastore, observed when query audit is on: who may enable its system schemas, and which are on. */
export const MetastoreObservationSchema = z.object({
  id: z.string(),
  /** The installer is (or is in the group that is) the metastore's owner. */
  installerIsAdmin: z.boolean(),
  enabledSystemSchemas: z.array(z.string()),
});
export type MetastoreObservation = z.infer<typeof MetastoreObservationSchema>;

export const ObservedStateSchema = z.object({
  /** Keyed by plan-step target: `main`, or an additional workspace's URL as written in the config. */
  targets: z.record(z.string(), TargetObservationSchema),
  metastore: MetastoreObservationSchema.optional(),
  /** Epoch ms of the observation. */
  at: z.number(),
});
export type ObservedState = z.infer<typeof ObservedStateSchema>;

export const emptyTargetObservation = (): TargetObservation => ({ catalogs: [], schemas: [], tables: [], volumes: [], grants: [] });

/** Two observations of different targets as one (later targets win on a clash). */
export function mergeObserved(...states: readonly ObservedState[]): ObservedState {
  const metastore = states.find((s) => s.metastore !== undefined)?.metastore;
  return {
    ...(metastore ? { metastore } : {}),
    targets: Object.assign({}, ...states.map((s) => s.targets)) as ObservedState['targets'],
    at: Math.max(0, ...states.map((s) => s.at)),
  };
}

/** Privilege names in one spelling (SQL's, `USE CATALOG`): the rule lives with the other privilege reads. */
export { normalizePrivilege } from '../sql/privilege-reads';
