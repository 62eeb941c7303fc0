import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { IntegrationConfigSchema } from '../../../shared/integration/config';
import type { DirectoryPrincipal } from '../../../shared/users/directory';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import { matchUsers } from '../../../shared/users/match-users';
import { createMemoryKeyValueStore } from '../../cli/cli-memory-store';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { sandboxSettings, type ComposedApp } from '../integration/integration.test-support';
import { adminSql, appWithIntegration } from '../policies/policies.test-support';
import { applyUserMapping, planUserMapping, type UserWriteRun } from './user-mapping-writer';

/**
 * Hostile ids, principal names, attribute names and values through the real driver: every one written as a quoted
 * literal reads back byte for byte, so the next plan finds nothing to change, and nothing in them runs as SQL.
 */
let emulator: RunningEmulator;
let main: ComposedApp;
let run: UserWriteRun;

const HOSTILE = ["o'brien", "x'); DROP TABLE ucbridge.entitlements.user_mapping; --", 'back\\slash\\', 'new\nline', 'tab\tand `tick`', 'Zoë 李雷 🙂', '${x} %s ?', '\\\'', ' '] as const;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  main = await appWithIntegration(emulator);
  run = {
    config: IntegrationConfigSchema.parse(sandboxSettings(emulator).config),
    connection: main.app.session.requireConnection(),
    kv: createMemoryKeyValueStore(),
    clock: systemClock,
    logger: createLogger({ sinks: [] }),
    signal: new AbortController().signal,
  };
});
afterAll(async () => {
  await main?.close();
  await emulator?.stop();
});

describe('the mapping writer with hostile names and values', () => {
  it('writes them as literals, reads them back the same, and then has nothing to change', async () => {
    const principals: DirectoryPrincipal[] = HOSTILE.map((h, i) => ({ type: 'user', id: `p${i}`, name: `${h}@x.example`, emails: [], active: true, accountGroup: false, groups: [] }));
    const users: GovernanceUser[] = HOSTILE.map((h, i) => ({ id: `${h}#${i}`, emails: [], userName: `${h}@x.example`, active: true, kind: 'user', attributes: { [`attr ${h}`]: `value ${h}` } }));
    const match = matchUsers(users, principals);
    expect(match.matched).toHaveLength(HOSTILE.length);
    const planned = await planUserMapping(run, users, match);
    expect(await applyUserMapping(run, users, match, { expectedHash: planned.plan.hash })).toMatchObject({ failed: 0 });

    const mapped = await adminSql(main, emulator, 'SELECT external_id, principal FROM ucbridge.entitlements.user_mapping');
    expect(new Set(mapped.map((r) => JSON.stringify([r.external_id, r.principal])))).toEqual(new Set(users.map((u) => JSON.stringify([u.id, u.userName]))));
    const attrs = await adminSql(main, emulator, 'SELECT principal, attribute, value FROM ucbridge.entitlements.principal_attributes');
    expect(new Set(attrs.map((r) => JSON.stringify([r.principal, r.attribute, r.value])))).toEqual(new Set(HOSTILE.map((h) => JSON.stringify([`${h}@x.example`, `attr ${h}`, `value ${h}`]))));
    expect((await planUserMapping(run, users, match)).plan.steps).toEqual([]);

    // And out again: removing every user deletes every row, hostile keys included.
    const none = matchUsers([], principals);
    const emptied = await planUserMapping(run, [], none);
    expect(emptied.mapping.deletes).toBe(HOSTILE.length);
    expect(await applyUserMapping(run, [], none, { expectedHash: emptied.plan.hash })).toMatchObject({ failed: 0 });
    expect(await adminSql(main, emulator, 'SELECT * FROM ucbridge.entitlements.user_mapping')).toEqual([]);
    expect(await adminSql(main, emulator, 'SELECT * FROM ucbridge.entitlements.principal_attributes')).toEqual([]);
  });
});
