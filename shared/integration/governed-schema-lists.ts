import { AppFailure } from '../result';
import { quoteIdent } from '../sql/quote';
import type { IntegrationConfig } from './config';

/**
 * With `manageScope: "schema"` the service principal gets MANAGE per schema of each governed catalog
 * (sp-grants.ts), so a plan made from the config alone is only complete when the config lists every governed
 * catalog's schemas. Online, main fills the lists from the workspace; offline (the exported scripts), a missing
 * list is refused rather than guessed. With `manageScope: "catalog"` (the default) no list is needed.
 */

/** Governed catalogs (main workspace, then additional ones), each once, that have no schema list (none needed: []). */
export function catalogsWithoutSchemaList(config: IntegrationConfig): string[] {
  if (config.manageScope !== 'schema') return [];
  const governed = [...config.governedCatalogs, ...config.additionalWorkspaceConnections.flatMap((w) => w.catalogs)];
  return [...new Set(governed)].filter((c) => config.governedSchemas[c] === undefined);
}

/** The refusal: which catalogs lack a list, and the field to add to the config file. */
export function schemaListProblem(catalogs: readonly string[]): { message: string; hint: string } {
  const example = JSON.stringify({ governedSchemas: Object.fromEntries(catalogs.map((c) => [c, ['<schema>', '\u2026']])) }).slice(1, -1);
  return {
    message: `The config lists no schemas for governed catalog${catalogs.length === 1 ? '' : 's'} ${catalogs.join(', ')}: with "manageScope": "schema" the service principal gets MANAGE on each schema, so the script needs them.`,
    hint: `Add ${example} to the config file with every schema of each catalog except information_schema (${catalogs.map((c) => `SHOW SCHEMAS IN ${quoteIdent(c)}`).join('; ')} lists them), then export again; or use "manageScope": "catalog", which needs no list.`,
  };
}

/** Offline plans that must be complete (the exported scripts): refused, as bad input, while a list is missing. */
export function assertSchemaLists(config: IntegrationConfig): void {
  const missing = catalogsWithoutSchemaList(config);
  if (missing.length > 0) throw new AppFailure({ code: 'BAD_REQUEST', ...schemaListProblem(missing) });
}
