import { describe, expect, it } from 'vitest';
import { config } from '../../../shared/integration/planner.test-support';
import { warehousesOfIntegration } from './warehouse-grants';

/** Which warehouses a save (or the CLI's apply) gives CAN_USE on, and which it cannot reach from this sign-in. */
describe('warehousesOfIntegration', () => {
  const host = 'adb-1234567890123456.7.azuredatabricks.net';
  const c = config({
    additionalWorkspaceConnections: [
      { workspaceUrl: 'https://ADB-1234567890123456.7.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/second', catalogs: ['a'] },
      // The chosen warehouse named again by an additional connection to the same workspace: granted once.
      { workspaceUrl: host, httpPath: '/sql/1.0/warehouses/chosen', catalogs: ['b'] },
      { workspaceUrl: 'workspace-b.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/2222222222222222', catalogs: ['c'] },
      { workspaceUrl: 'workspace-c.cloud.databricks.com', httpPath: '/sql/protocolv1/o/0/0000-00000-abc123', catalogs: ['d'] },
    ],
  });

  it('the chosen main warehouse, each additional one on the signed-in host (reachable) and elsewhere (not); cluster paths left out', () => {
    expect(warehousesOfIntegration(c, host.toUpperCase(), 'chosen')).toEqual([
      { target: 'main', workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net', warehouseId: 'chosen', reachable: true },
      { target: 'https://ADB-1234567890123456.7.azuredatabricks.net', workspaceUrl: 'https://ADB-1234567890123456.7.azuredatabricks.net', warehouseId: 'second', reachable: true },
      { target: 'workspace-b.cloud.databricks.com', workspaceUrl: 'workspace-b.cloud.databricks.com', warehouseId: '2222222222222222', reachable: false },
    ]);
  });

  it('no warehouse chosen: no main entry, the additional ones still', () => {
    expect(warehousesOfIntegration(c, host, undefined).map((w) => w.warehouseId)).toEqual(['second', 'chosen', '2222222222222222']);
  });

  it('signed in to another workspace: only that workspace\u2019s warehouse is reachable', () => {
    expect(warehousesOfIntegration(c, 'workspace-b.cloud.databricks.com', 'chosen').map((w) => `${w.warehouseId}:${w.reachable}`)).toEqual(['chosen:false', 'second:false', 'chosen:false', '2222222222222222:true']);
  });
});
