import type { NewWarehouse } from '../rest/warehouses/registry';

/** One warehouse ready to query and one that must be started first (the wizard's "start if stopped" step). */
export const DEMO_WAREHOUSES = (creatorName: string): readonly NewWarehouse[] => [
  { name: 'Analytics Warehouse', clusterSize: 'Small', autoStopMins: 45, creatorName, state: 'RUNNING' },
  { name: 'ETL Warehouse', clusterSize: 'Medium', autoStopMins: 20, creatorName, state: 'STOPPED' },
];

/** The empty seed still has one running warehouse so the app can run SQL at once. */
export const EMPTY_WAREHOUSES = (creatorName: string): readonly NewWarehouse[] => [
  { name: 'Starter Warehouse', clusterSize: '2X-Small', autoStopMins: 10, creatorName, state: 'RUNNING' },
];
