/** The sandbox SQL warehouse: Thrift over HTTPS for the real `@databricks/sql` driver. */
export { createWarehouseEndpoint, type WarehouseEndpoint, type WarehouseEndpointOptions } from './endpoint';
export { RESULT_FORMAT_CONF } from './context';
export type { ResultFormat } from './operation';
