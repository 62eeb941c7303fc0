import { describe, expect, it } from 'vitest';
import { catalogOwnership, systemSchemaEnabled } from './catalog-ownership';
import type { TargetObservation } from './observed-state';
import { planUninstall } from './planner';
import { config } from './planner.test-support';

const c = config({ workspaceUrl: 'HTTPS://Adb-1.2.azuredatabricks.net/?o=1' });
const main = (integrationTag: string | null, name = 'ucbridge'): TargetObservation => ({
  catalogs: [{ name, owner: 'installer@example.com', integrationTag }],
  schemas: [['system', 'access']],
  tables: [],
  volumes: [],
  grants: [],
});

describe('catalogOwnership', () => {
  it('tells absent, ours (same host, any URL form), untagged and another integration\u2019s catalog apart', () => {
    expect(catalogOwnership(c, undefined)).toEqual({ kind: 'absent' });
    expect(catalogOwnership(c, main(null, 'other'))).toEqual({ kind: 'absent' });
    expect(catalogOwnership(c, main('adb-1.2.azuredatabricks.net'))).toEqual({ kind: 'ours', owner: 'installer@example.com' });
    expect(catalogOwnership(c, main(null))).toEqual({ kind: 'untagged', owner: 'installer@example.com' });
    expect(catalogOwnership(c, main('adb-9.9.azuredatabricks.net'))).toEqual({ kind: 'foreign', host: 'adb-9.9.azuredatabricks.net', owner: 'installer@example.com' });
  });

  it('uninstall refuses to drop another integration\u2019s catalog, and plans ours or an untagged one', () => {
    expect(() => planUninstall(c, { targets: { main: main('adb-9.9.azuredatabricks.net') }, at: 0 })).toThrow(
      expect.objectContaining({
        error: {
          code: 'CONFLICT',
          message: 'Catalog ucbridge belongs to the ucbridge integration of adb-9.9.azuredatabricks.net, not this one; it will not be dropped.',
          hint: 'Check the integration catalog name in the settings.',
        },
      }),
    );
    expect(planUninstall(c, { targets: { main: main('adb-1.2.azuredatabricks.net') }, at: 0 }).steps.at(-1)!.action).toBe('drop');
    expect(planUninstall(c, { targets: { main: main(null) }, at: 0 }).steps.at(-1)!.action).toBe('drop');
  });

  it('reads system schema enablement from the observed schemas of system', () => {
    expect(systemSchemaEnabled(main(null), 'access')).toBe(true);
    expect(systemSchemaEnabled(main(null), 'query')).toBe(false);
    expect(systemSchemaEnabled(undefined, 'access')).toBe(false);
    // A schema named query in another catalog is not system.query.
    expect(systemSchemaEnabled({ ...main(null), schemas: [['ucbridge', 'query'], ['SYSTEM', 'Access']] }, 'query')).toBe(false);
    expect(systemSchemaEnabled({ ...main(null), schemas: [['ucbridge', 'query'], ['SYSTEM', 'Access']] }, 'access')).toBe(true);
  });
});
