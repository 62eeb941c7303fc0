import type { ValidationTest } from '../../../../shared/integration/validation-types';
import { stepsFix, test, type ValidationContext } from './validation-context';

const WAREHOUSE_FIX = stepsFix(
  'Check that the HTTP path is the warehouse\u2019s (SQL Warehouses \u2192 the warehouse \u2192 Connection details).',
  'Start the warehouse if it is stopped, and make sure you have CAN USE on it.',
);

/** Seed 001's first two tests: "Metastore validation" (`current_metastore()`) and "Basic Connection Test" (`SELECT 1`). */
export async function checkConnection(ctx: ValidationContext): Promise<ValidationTest[]> {
  let session;
  try {
    session = await ctx.sql();
  } catch (e) {
    const reason = `The SQL warehouse at ${ctx.config.httpPath} could not be reached: ${messageOf(e)}`;
    return [
      test('metastore-assigned', 'Metastore assigned', 'skipped', 'Needs a working connection to the SQL warehouse first.'),
      test('basic-connection', 'Basic connection (SELECT 1)', 'failed', reason, WAREHOUSE_FIX),
    ];
  }
  const [metastore, basic] = await Promise.allSettled([
    session.execute('SELECT current_metastore() AS metastore', { signal: ctx.signal }),
    session.execute('SELECT 1 AS one', { signal: ctx.signal }),
  ]);
  const ms = metastore.status === 'fulfilled' ? metastore.value[0]?.metastore : undefined;
  return [
    typeof ms === 'string' && ms.length > 0
      ? test('metastore-assigned', 'Metastore assigned', 'passed', `The workspace uses metastore ${ms}.`)
      : test(
          'metastore-assigned',
          'Metastore assigned',
          'failed',
          metastore.status === 'rejected' ? `current_metastore() failed: ${messageOf(metastore.reason)}` : 'The workspace has no Unity Catalog metastore assigned.',
          stepsFix('In the account console, open Catalog \u2192 the metastore for this region \u2192 Workspaces, and assign this workspace.'),
        ),
    basic.status === 'fulfilled' && Number(basic.value[0]?.one) === 1
      ? test('basic-connection', 'Basic connection (SELECT 1)', 'passed', `SELECT 1 ran on ${ctx.config.httpPath}.`)
      : test('basic-connection', 'Basic connection (SELECT 1)', 'failed', `SELECT 1 failed: ${basic.status === 'rejected' ? messageOf(basic.reason) : 'no row came back'}`, WAREHOUSE_FIX),
  ];
}

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'error' in e) {
    const err = (e as { error: { message?: unknown } }).error;
    if (typeof err.message === 'string') return err.message;
  }
  return 'an unexpected error (see the log)';
}
