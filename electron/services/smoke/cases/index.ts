import type { SmokeCase } from '../smoke-types';
import { ERROR_CASES } from './errors';
import { LIST_CASES } from './lists';
import { METASTORE_CASES } from './metastore';
import { PERMISSION_CASES } from './permissions';
import { PRIVILEGE_VIEW_CASES } from './privilege-views';
import { SCHEMA_LISTING_CASES } from './schema-listing';
import { SHOW_GRANTS_CASES } from './show-grants';
import { SYSTEM_TABLE_CASES } from './system-tables';

/**
 * The one list of behaviours the app relies on. `ucbridge smoke` runs it against a real workspace; the sandbox's
 * tests (smoke-sandbox.test.ts) run the same list against the sandbox, so both are held to the same expectations.
 * Every case only reads (read-only.ts).
 */
export const SMOKE_CASES: readonly SmokeCase[] = [
  ...PRIVILEGE_VIEW_CASES,
  ...SHOW_GRANTS_CASES,
  ...SCHEMA_LISTING_CASES,
  ...LIST_CASES,
  ...METASTORE_CASES,
  ...SYSTEM_TABLE_CASES,
  ...ERROR_CASES,
  ...PERMISSION_CASES,
];
