import type { WarehouseRecord } from './registry';

/** EndpointInfo as `GET /api/2.0/sql/warehouses[/{id}]` returns it (unity-catalog-scim-rest.md §4.11). */
export function endpointInfo(w: WarehouseRecord, port: number): Record<string, unknown> {
  const path = `/sql/1.0/warehouses/${w.id}`;
  const running = w.state === 'RUNNING';
  return {
    id: w.id,
    name: w.name,
    state: w.state,
    cluster_size: w.clusterSize,
    min_num_clusters: 1,
    max_num_clusters: 1,
    num_clusters: running ? 1 : 0,
    num_active_sessions: 0,
    auto_stop_mins: w.autoStopMins,
    creator_name: w.creatorName,
    enable_photon: true,
    enable_serverless_compute: false,
    warehouse_type: 'PRO',
    spot_instance_policy: 'COST_OPTIMIZED',
    channel: { name: 'CHANNEL_NAME_CURRENT' },
    tags: {},
    ...(running ? { health: { status: 'HEALTHY' } } : {}),
    jdbc_url: `jdbc:databricks://127.0.0.1:${port}/default;transportMode=http;ssl=1;AuthMech=3;httpPath=${path};`,
    odbc_params: { hostname: '127.0.0.1', path, protocol: 'https', port },
  };
}
