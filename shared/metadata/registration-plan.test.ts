import { describe, expect, it } from 'vitest';
import { registrationPlan, REGISTRY_BATCH } from './registration-plan';
import { ZERO_COUNTS, type SnapshotRecord } from './snapshot';

const run: SnapshotRecord = {
  id: 'crawl-1', workspaceHost: 'h', crawledBy: 'me', source: 'sql', mode: 'full', startedAt: 0, finishedAt: 1000, watermark: 0,
  counts: ZERO_COUNTS, blindSpots: [], statements: 1, requests: 0, auditIncluded: false,
};
const row = (n: number, active = true) => ({ fullName: `main.s.t${n}`, objectType: 'TABLE', active, fingerprint: `fp${n}` });
const diff = { new: 0, changed: 0, dropped: 0 };

describe('registration plan', () => {
  it('batches inserts, updates and deletes, each with its inverse, the crawl run last', () => {
    const inserts = Array.from({ length: REGISTRY_BATCH + 1 }, (_, i) => row(i));
    const plan = registrationPlan("ic`x", { inserts, updates: [{ next: row(1, false), previous: row(1, true) }], deletes: [row(9)] }, run, diff, false);
    expect(plan.steps.map((s) => [s.id, s.action])).toEqual([
      ['register:insert:1', 'create'], ['register:insert:2', 'create'], ['register:update:1', 'change'], ['register:delete:1', 'change'], ['register:crawl-run', 'create'],
    ]);
    expect(plan.steps[1]!.sql).toBe("MERGE INTO `ic``x`.`registry`.`registered_objects` AS t USING (SELECT 'main.s.t500' AS full_name, 'TABLE' AS object_type, TRUE AS active, CAST('fp500' AS STRING) AS fingerprint) AS s ON t.full_name = s.full_name WHEN NOT MATCHED THEN INSERT (full_name, object_type, active, registered_at, fingerprint) VALUES (s.full_name, s.object_type, s.active, current_timestamp(), s.fingerprint)");
    expect(plan.steps[1]!.inverse).toBe("DELETE FROM `ic``x`.`registry`.`registered_objects` WHERE full_name IN ('main.s.t500')");
    expect(plan.steps[2]!.inverse).toContain('TRUE AS active');
    expect(plan.steps[3]!.inverse).toContain('WHEN NOT MATCHED THEN INSERT');
    expect(plan.steps[4]!.dependsOn).toEqual(['register:insert:1', 'register:insert:2', 'register:update:1', 'register:delete:1']);
  });

  it('is only the recorded crawl run, unchanged, when nothing changed; the hash ignores that mark', () => {
    const recorded = registrationPlan('ic', { inserts: [], updates: [], deletes: [] }, run, diff, true);
    expect(recorded.steps.map((s) => s.action)).toEqual(['unchanged']);
    expect(registrationPlan('ic', { inserts: [], updates: [], deletes: [] }, run, diff, false).hash).toBe(recorded.hash);
  });

  it('quotes hostile names as literals', () => {
    const plan = registrationPlan('ic', { inserts: [{ fullName: "c.s.it's\\n", objectType: 'TABLE', active: false, fingerprint: null }], updates: [], deletes: [] }, run, diff, false);
    expect(plan.steps[0]!.sql).toContain("SELECT 'c.s.it\\'s\\\\n' AS full_name");
    expect(plan.steps[0]!.sql).toContain('CAST(NULL AS STRING) AS fingerprint');
  });
});
