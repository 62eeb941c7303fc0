import { describe, expect, it } from 'vitest';
import { canUseCall, integrationWarehouses } from './integration-warehouses';
import { config, SP } from './planner.test-support';

/** Every warehouse the governance product runs SQL on: the main one and each additional workspace's, each once. */
describe('integrationWarehouses', () => {
  it('lists the main warehouse, then each additional workspace\u2019s, with the target its steps run on', () => {
    const c = config({
      additionalWorkspaceConnections: [
        { workspaceUrl: 'workspace-b.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/2222222222222222', catalogs: ['iso1'] },
        { workspaceUrl: 'workspace-c.cloud.databricks.com', httpPath: 'sql/protocolv1/o/0/0000-00000-abc123', catalogs: ['iso2'] },
      ],
    });
    expect(integrationWarehouses(c)).toEqual([
      { target: 'main', workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc123def4567890', warehouseId: 'abc123def4567890' },
      { target: 'workspace-b.cloud.databricks.com', workspaceUrl: 'workspace-b.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/2222222222222222', warehouseId: '2222222222222222' },
      // A cluster's path names no warehouse: listed (the table names it by path), with no id to grant on.
      { target: 'workspace-c.cloud.databricks.com', workspaceUrl: 'workspace-c.cloud.databricks.com', httpPath: '/sql/protocolv1/o/0/0000-00000-abc123', warehouseId: undefined },
    ]);
  });

  it('lists a warehouse once: the main workspace\u2019s own path again, or two connections to one workspace and path', () => {
    const c = config({
      additionalWorkspaceConnections: [
        { workspaceUrl: 'ADB-1234567890123456.7.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc123def4567890', catalogs: ['a'] },
        { workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/fedcba', catalogs: ['b'] },
        { workspaceUrl: 'adb-1234567890123456.7.azuredatabricks.net/', httpPath: '/sql/1.0/warehouses/fedcba', catalogs: ['c'] },
        // Another workspace may have a warehouse of the same id in its own path: a different warehouse.
        { workspaceUrl: 'workspace-b.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/abc123def4567890', catalogs: ['d'] },
      ],
    });
    expect(integrationWarehouses(c).map((w) => `${w.target} ${w.warehouseId}`)).toEqual([
      'main abc123def4567890',
      'https://adb-1234567890123456.7.azuredatabricks.net fedcba',
      'workspace-b.cloud.databricks.com abc123def4567890',
    ]);
  });

  it('the CAN_USE call: PATCH on the warehouse\u2019s permissions, the service principal by application id, the id escaped', () => {
    expect(canUseCall('a/b', SP)).toEqual({
      method: 'PATCH',
      path: '/api/2.0/permissions/warehouses/a%2Fb',
      body: { access_control_list: [{ service_principal_name: SP, permission_level: 'CAN_USE' }] },
    });
  });
});
