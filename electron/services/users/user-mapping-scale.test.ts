import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/start';
import { IntegrationConfigSchema } from '../../../shared/integration/config';
import type { DirectoryPrincipal } from '../../../shared/users/directory';
import type { GovernanceUser } from '../../../shared/users/governance-user';
import { MAPPING_BATCH } from '../../../shared/users/mapping-plan';
import { matchUsers } from '../../../shared/users/match-users';
import { createMemoryKeyValueStore } from '../../cli/cli-memory-store';
import { createLogger } from '../../logging';
import { systemClock } from '../../node';
import { sandboxSettings, type ComposedApp } from '../integration/integration.test-support';
import { adminSql, appWithIntegration } from '../policies/policies.test-support';
import { applyUserMapping, planUserMapping, type UserWriteRun } from './user-mapping-writer';

/**
 * 100,000 users written through the real driver (issue 12 §4): the mapping and one attribute each in batches of
 * MAPPING_BATCH rows per MERGE, then nothing left to write, then one changed value and one removed user as exactly
 * one update and two deletes. The directory is built in memory: the writer only needs the match.
 */
const N = 100_000;
let emulator: RunningEmulator;
let main: ComposedApp;
let run: UserWriteRun;

const users = (n: number, region: (i: number) => string): GovernanceUser[] =>
  Array.from({ length: n }, (_, i) => ({ id: `gov-${i}`, emails: [], userName: `user.${i}@corp.example`, active: true, kind: 'user', attributes: { region: region(i) } }));
const principals: DirectoryPrincipal[] = Array.from({ length: N }, (_, i) => ({ type: 'user', id: `p${i}`, name: `user.${i}@corp.example`, emails: [], active: true, accountGroup: false, groups: [] }));
const count = async (table: string): Promise<number> => Number((await adminSql(main, emulator, `SELECT count(*) AS n FROM ucbridge.entitlements.${table}`))[0]!.n);

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

describe('the mapping writer at 100,000 users', () => {
  it('writes every row in batches, then has nothing to write, then changes exactly what changed', async () => {
    const first = users(N, (i) => ['NA', 'EMEA', 'APAC', 'LATAM'][i % 4]!);
    const match = matchUsers(first, principals);
    expect(match.matched).toHaveLength(N);
    const planned = await planUserMapping(run, first, match);
    expect(planned.mapping).toEqual({ inserts: N, updates: 0, deletes: 0 });
    expect(planned.plan.steps).toHaveLength((2 * N) / MAPPING_BATCH);
    // Every statement stays far below a statement size a warehouse takes (16 MiB is the documented cap).
    for (const s of planned.plan.steps) expect(s.sql.length).toBeLessThan(1_000_000);
    const summary = await applyUserMapping(run, first, match, { expectedHash: planned.plan.hash });
    expect(summary).toMatchObject({ failed: 0, ran: (2 * N) / MAPPING_BATCH });
    expect(await count('user_mapping')).toBe(N);
    expect(await count('principal_attributes')).toBe(N);
    expect((await planUserMapping(run, first, match)).plan.steps).toEqual([]);

    const next = users(N, (i) => (i === 7 ? 'APAC' : ['NA', 'EMEA', 'APAC', 'LATAM'][i % 4]!)).filter((u) => u.id !== 'gov-42');
    const nextMatch = matchUsers(next, principals);
    const changed = await planUserMapping(run, next, nextMatch);
    expect(changed.mapping).toEqual({ inserts: 0, updates: 0, deletes: 1 });
    expect(changed.attributes).toEqual({ inserts: 0, updates: 1, deletes: 1 });
    expect(await applyUserMapping(run, next, nextMatch, { expectedHash: changed.plan.hash })).toMatchObject({ failed: 0, ran: 3 });
    expect(await adminSql(main, emulator, "SELECT value FROM ucbridge.entitlements.principal_attributes WHERE principal = 'user.7@corp.example'")).toEqual([{ value: 'APAC' }]);
    expect(await count('user_mapping')).toBe(N - 1);
  }, 900_000);
});
