import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_PAGING_FAULT, type AuditRecord, type AuditSink, type IdentityDirectory, type PagingFault, type Principal, type SandboxInfo } from '../contracts';
import { Duck } from '../sql/duck';
import { AbacStore } from './abac/abac-store';
import { AclStore } from './acl-store';
import { Authz } from './authz';
import { EntityStore } from './entity-store';
import { MetastoreSettings } from './metastore-settings';
import { CatalogMirror } from './mirror/catalog-mirror';
import { restoreSnapshot, takeSnapshot } from './persistence/snapshot';
import { readSnapshot, SnapshotWriter } from './persistence/snapshot-file';
import { Resolver } from './resolve';
import { subjectOf, type Subject } from './subject';
import { bootstrapSystemCatalog, SYSTEM_OWNER } from './system/bootstrap';
import { SystemLog } from './system/system-log';
import { VolumeFiles } from './volume-files';

export interface UnityCatalogOptions {
  readonly sandbox: SandboxInfo;
  readonly identities: IdentityDirectory;
  /** Persist the model and the DuckDB file here; in memory when absent. */
  readonly dataDir?: string;
  /** The sandbox's paging faults now; none when absent. */
  readonly paging?: () => PagingFault;
  /**
   * Whether the warehouse runs ABAC policies (Databricks SQL and DBR 16.4+ do; older compute does not,
   * https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements). Default on.
   */
  readonly abac?: boolean;
  /**
   * False: `information_schema.abac_policy_definitions` does not exist, as on a workspace that does not have that
   * view yet (it is in Public Preview:
   * https://docs.databricks.com/aws/en/sql/language-manual/information-schema/abac_policy_definitions); SHOW POLICIES
   * still works. Default true.
   */
  readonly abacPolicyView?: boolean;
  /** False: a metastore without root storage, where a new catalog needs a managed location (ops/create.ts). Default true. */
  readonly metastoreRootStorage?: boolean;
}

/** The catalog the sandbox's sessions start in, as `current-metastore-assignment` reports it. */
export const DEFAULT_CATALOG = 'main';

/**
 * One metastore's Unity Catalog: the securables and their grants, tags and policies (in memory, the source of
 * truth), the DuckDB database holding table data, the information_schema mirror and the system tables.
 * The SQL warehouse and the REST API both operate on this one object.
 */
export class UnityCatalog implements AuditSink {
  readonly store = new EntityStore();
  readonly acl = new AclStore(this.store.bus);
  readonly abac = new AbacStore(this.store.bus);
  /** False: CREATE POLICY and SHOW POLICIES are refused, as on compute without ABAC. */
  abacEnabled = true;
  /** False: no `information_schema.abac_policy_definitions` view (UnityCatalogOptions.abacPolicyView). */
  abacPolicyView = true;
  readonly resolve = new Resolver(this.store);
  readonly settings: MetastoreSettings;
  readonly authz: Authz;
  readonly mirror: CatalogMirror;
  readonly log: SystemLog;
  readonly files: VolumeFiles;
  /** Where managed tables and volumes would live; shown as `storage_root` and `storage_path`. */
  readonly storageRoot: string;
  /** The metastore's root storage (`storage_root` of the metastore summary); undefined when it has none. */
  metastoreStorageRoot: string | undefined;
  /** True when the model was reloaded from the data dir (seeds then leave it alone). */
  restored = false;
  /** How list APIs page now: the sandbox's paging faults (uc-rest/pagination.ts), none by default. */
  paging: () => PagingFault = () => NO_PAGING_FAULT;
  private writer: SnapshotWriter | undefined;

  private constructor(
    readonly sandbox: SandboxInfo,
    readonly identities: IdentityDirectory,
    readonly duck: Duck,
    readonly dataDir: string | undefined,
  ) {
    this.storageRoot = `s3://ucbridge-sandbox-metastore/${sandbox.metastoreId}`;
    this.metastoreStorageRoot = this.storageRoot;
    this.settings = new MetastoreSettings(this.store.bus, defaultMetastoreOwner(identities), Date.now());
    this.authz = new Authz(this.acl, { id: sandbox.metastoreId, owner: () => this.settings.owner });
    this.mirror = new CatalogMirror(duck, this.store, this.acl, sandbox.workspaceId, this.storageRoot);
    this.log = new SystemLog(duck, sandbox);
    this.files = new VolumeFiles(dataDir === undefined ? undefined : join(dataDir, 'volumes'));
    // A dropped volume takes its files with it.
    this.store.bus.subscribe((change) => {
      if (change.type === 'deleted' && change.kind === 'VOLUME') void this.files.dropVolume(change.id);
    });
  }

  static async create(options: UnityCatalogOptions): Promise<UnityCatalog> {
    const dir = options.dataDir;
    if (dir !== undefined) await mkdir(dir, { recursive: true });
    const snapshot = dir === undefined ? undefined : await readSnapshot(dir);
    const duck = await Duck.open(dir === undefined ? undefined : join(dir, 'warehouse.duckdb'));
    const uc = new UnityCatalog(options.sandbox, options.identities, duck, dir);
    if (options.paging) uc.paging = options.paging;
    uc.abacEnabled = options.abac ?? true;
    uc.abacPolicyView = options.abacPolicyView ?? true;
    if (options.metastoreRootStorage === false) uc.metastoreStorageRoot = undefined;
    await uc.log.init();
    if (snapshot) {
      restoreSnapshot(snapshot, uc.store, uc.acl, uc.settings, uc.abac);
      uc.restored = true;
    }
    uc.store.bus.withoutEvents(() => bootstrapSystemCatalog(uc.store, Date.now()));
    await uc.mirror.rebuild();
    if (dir !== undefined) {
      const writer = new SnapshotWriter(dir, () => takeSnapshot(uc.store, uc.acl, uc.settings, uc.abac), (e) => process.stderr.write(`sandbox could not save the Unity Catalog state: ${String(e)}\n`));
      uc.writer = writer;
      uc.store.bus.subscribe(() => writer.schedule());
      writer.schedule();
    }
    return uc;
  }

  /** After a bulk load with events muted: rebuild the mirror and save. */
  async afterBulkLoad(): Promise<void> {
    await this.mirror.rebuild();
    this.writer?.schedule();
  }

  subject(principal: Principal): Subject {
    return subjectOf(this.identities, principal);
  }

  /** The canonical UC name of a principal named in SQL or REST, or undefined when nobody has that name. */
  principalName(name: string): string | undefined {
    return this.identities.byName(name)?.name;
  }

  recordAudit(record: AuditRecord): void {
    this.log.audit(record);
  }

  /**
   * Resolves once information_schema and the system tables reflect every change made so far. `systemTables: false`
   * (a statement that reads none of them) leaves the system log's rows to its next batch, at most 200 ms later:
   * flushing them before every statement cost each statement two DuckDB appends.
   */
  async sync(options: { readonly systemTables?: boolean } = {}): Promise<void> {
    await Promise.all([this.mirror.sync(), options.systemTables === false ? undefined : this.log.sync()]);
  }

  async close(): Promise<void> {
    await this.sync();
    await this.writer?.flush();
    await this.duck.close();
  }
}

/**
 * The metastore admin group (contracts.ts: "the metastore admin group's members") owns the metastore; without
 * one, the first metastore admin does, and with none at all, the system.
 */
function defaultMetastoreOwner(identities: IdentityDirectory): string {
  const group = identities.byName('metastore-admins');
  if (group?.kind === 'group') return group.name;
  return identities.all().find((p) => identities.isMetastoreAdmin(p.id))?.name ?? SYSTEM_OWNER;
}
