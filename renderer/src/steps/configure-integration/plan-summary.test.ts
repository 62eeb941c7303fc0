import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../shared/integration/plan-types';
import { pendingSteps, planCounts, planScript } from './plan-summary';

const step = (id: string, action: Plan['steps'][number]['action'], sql: string, purpose: string) => ({ id, sql, purpose, action, dependsOn: [], inverse: null, target: 'main' });
const plan: Plan = {
  kind: 'setup',
  hash: 'h',
  steps: [
    step('catalog', 'unchanged', 'CREATE CATALOG IF NOT EXISTS `c`', 'Create the catalog'),
    step('schema', 'create', "CREATE SCHEMA IF NOT EXISTS `c`.`s` COMMENT 'a;b'", 'Create a schema\nfor policies'),
    step('grant', 'change', 'GRANT SELECT ON CATALOG `c` TO `sp`', 'Let the principal read'),
  ],
};

describe('plan summary', () => {
  it('counts what a plan creates, changes and leaves as it is, and what an apply would run', () => {
    expect(planCounts(plan)).toEqual({ create: 1, change: 1, unchanged: 1, drop: 0 });
    expect(pendingSteps(plan)).toBe(2);
  });

  it('copies every statement after its purpose as a one-line comment, each ended by a semicolon', () => {
    expect(planScript(plan)).toBe(
      '-- Create the catalog\nCREATE CATALOG IF NOT EXISTS `c`;\n\n' +
        "-- Create a schema for policies\nCREATE SCHEMA IF NOT EXISTS `c`.`s` COMMENT 'a;b';\n\n" +
        '-- Let the principal read\nGRANT SELECT ON CATALOG `c` TO `sp`;\n',
    );
  });
});
