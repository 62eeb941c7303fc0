import { describe, expect, it } from 'vitest';
import { desiredRows } from './mapping-rows';
import { changeCounts, MAPPING_BATCH, mappingChanges, userMappingPlan } from './mapping-plan';
import { matchUsers } from './match-users';
import { dbUser, gov } from './users.test-support';

const users = [gov('u1', { userName: 'a@x', attributes: { region: 'EU', tier: 'gold' } }), gov('u2', { userName: 'b@x', attributes: { region: "O'Hare" } }), gov('u3', { userName: 'nobody@x', attributes: { region: 'US' } })];
const directory = [dbUser('1', 'a@x'), dbUser('2', 'b@x')];

describe('desiredRows', () => {
  it('writes matched users only, with their attributes under the principal', () => {
    expect(desiredRows(users, matchUsers(users, directory))).toEqual({
      mapping: [
        { externalId: 'u1', principal: 'a@x', principalType: 'user', matchedBy: 'userName' },
        { externalId: 'u2', principal: 'b@x', principalType: 'user', matchedBy: 'userName' },
      ],
      attributes: [
        { principal: 'a@x', attribute: 'region', value: 'EU' },
        { principal: 'a@x', attribute: 'tier', value: 'gold' },
        { principal: 'b@x', attribute: 'region', value: "O'Hare" },
      ],
    });
  });
});

describe('mappingChanges and userMappingPlan', () => {
  const desired = desiredRows(users, matchUsers(users, directory));

  it('inserts everything into empty tables, with a delete as each step\u2019s inverse', () => {
    const plan = userMappingPlan('ic', mappingChanges(desired, { mapping: [], attributes: [] }));
    expect(plan.steps.map((s) => [s.id, s.action])).toEqual([
      ['users:mapping:insert:1', 'create'],
      ['users:attributes:insert:1', 'create'],
    ]);
    expect(plan.steps[0]!.sql).toBe(
      "MERGE INTO `ic`.`entitlements`.`user_mapping` AS t USING (SELECT 'u1' AS external_id, 'a@x' AS principal, 'user' AS principal_type, 'userName' AS matched_by UNION ALL SELECT 'u2', 'b@x', 'user', 'userName') AS s ON t.external_id = s.external_id WHEN NOT MATCHED THEN INSERT (external_id, principal, principal_type, matched_by, updated_at) VALUES (s.external_id, s.principal, s.principal_type, s.matched_by, current_timestamp())",
    );
    expect(plan.steps[0]!.inverse).toBe("DELETE FROM `ic`.`entitlements`.`user_mapping` WHERE external_id IN ('u1', 'u2')");
    expect(plan.steps[1]!.sql).toContain("SELECT 'b@x', 'region', 'O\\'Hare'");
  });

  it('plans nothing when the tables already hold the match (re-apply changes nothing)', () => {
    const c = mappingChanges(desired, desired);
    expect(changeCounts(c)).toEqual({ mapping: { inserts: 0, updates: 0, deletes: 0 }, attributes: { inserts: 0, updates: 0, deletes: 0 } });
    expect(userMappingPlan('ic', c).steps).toEqual([]);
  });

  it('updates changed values and deletes rows of removed users, with the old rows as inverses', () => {
    const observed = {
      mapping: [...desired.mapping.map((r) => (r.externalId === 'u2' ? { ...r, principal: 'old@x' } : r)), { externalId: 'gone', principal: 'g@x', principalType: 'user', matchedBy: 'email' }],
      attributes: [...desired.attributes.map((r) => (r.attribute === 'tier' ? { ...r, value: 'silver' } : r)), { principal: 'g@x', attribute: 'region', value: 'APAC' }],
    };
    const c = mappingChanges(desired, observed);
    expect(changeCounts(c)).toEqual({ mapping: { inserts: 0, updates: 1, deletes: 1 }, attributes: { inserts: 0, updates: 1, deletes: 1 } });
    const plan = userMappingPlan('ic', c);
    expect(plan.steps.map((s) => s.id)).toEqual(['users:mapping:update:1', 'users:mapping:delete:1', 'users:attributes:update:1', 'users:attributes:delete:1']);
    expect(plan.steps[0]!.inverse).toContain("'old@x'");
    expect(plan.steps[1]!.sql).toBe("DELETE FROM `ic`.`entitlements`.`user_mapping` WHERE external_id IN ('gone')");
    expect(plan.steps[1]!.inverse).toContain("SELECT 'gone' AS external_id, 'g@x' AS principal");
    expect(plan.steps[3]!.sql).toBe("MERGE INTO `ic`.`entitlements`.`principal_attributes` AS t USING (SELECT 'g@x' AS principal, 'region' AS attribute) AS s ON t.principal = s.principal AND t.attribute = s.attribute WHEN MATCHED THEN DELETE");
  });

  it('splits 100,000 users into batches of MAPPING_BATCH rows, with stable ids and hash', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ externalId: `g${i}`, principal: `u${i}@x`, principalType: 'user', matchedBy: 'email' }));
    const plan = userMappingPlan('ic', mappingChanges({ mapping: many, attributes: [] }, { mapping: [], attributes: [] }));
    expect(plan.steps).toHaveLength(100_000 / MAPPING_BATCH);
    expect(plan.steps.at(-1)!.id).toBe(`users:mapping:insert:${100_000 / MAPPING_BATCH}`);
    const some = many.slice(0, 3 * MAPPING_BATCH);
    const hash = (rows: typeof many) => userMappingPlan('ic', mappingChanges({ mapping: rows, attributes: [] }, { mapping: [], attributes: [] })).hash;
    expect(hash([...some].reverse())).toBe(hash(some));
  });
});
