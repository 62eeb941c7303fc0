import type { Caller, WarehouseStates } from '../contracts';
import type { UnityCatalog } from '../catalog/unity-catalog';
import type { ResultFormat } from './operation';
import type { SessionRegistry } from './sessions';

/** What every Thrift handler gets: the metastore, the open sessions, and who is calling which warehouse. */
export interface RpcContext {
  readonly uc: UnityCatalog;
  readonly sessions: SessionRegistry;
  readonly warehouses: WarehouseStates;
  readonly caller: Caller;
  readonly warehouseId: string;
  readonly defaultFormat: ResultFormat;
}

/**
 * Session configuration key choosing the result format for that session: `arrow` (what warehouses answer and the
 * default) or `columns` (COLUMN_BASED_SET). A sandbox control only; real warehouses have no such key.
 */
export const RESULT_FORMAT_CONF = 'ucbridge.sandbox.resultFormat';
