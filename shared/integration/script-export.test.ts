import { describe, expect, it } from 'vitest';
import { ExportFileSchema } from '../contract/integration';
import { IntegrationConfigSchema } from './config';
import { planSetup, planUninstall } from './planner';
import { CONFIGS, config, rawConfig } from './planner.test-support';
import { isUnsafeChar } from '../text/escape-control';
import { exportScripts, NOTEBOOK_CELL_SEPARATOR, NOTEBOOK_FIRST_LINE } from './script-export';

const file = (files: ReturnType<typeof exportScripts>, name: string) => files.find((f) => f.name === name)!.content;
/** Statements are one line each (quote.ts escapes line breaks), so every non-comment line is one statement. */
const statements = (script: string) =>
  script.split('\n').filter((l) => l !== '' && !l.startsWith('--')).map((l) => {
    expect(l.endsWith(';')).toBe(true);
    return l.slice(0, -1);
  });

describe('exportScripts', () => {
  const c = CONFIGS['additional workspaces']!;

  it('marks the catalog\u2019s DROP … CASCADE in uninstall.sql as destroying data, and nothing in setup.sql', () => {
    const files = exportScripts(c);
    const lines = file(files, 'uninstall.sql').split('\n');
    const marked = lines.filter((l) => l.startsWith('-- DROP, destroys data and cannot be undone: '));
    expect(marked).toEqual([expect.stringContaining(`Drop the integration catalog ${c.catalog}`)]);
    expect(lines[lines.indexOf(marked[0]!) + 1]).toMatch(/^DROP CATALOG IF EXISTS `[^`]+` CASCADE;$/);
    expect(file(files, 'setup.sql')).not.toContain('destroys data');
  });

  it('setup.sql\u2019s header lists the REST-only prerequisites with the exact calls (warehouse CAN_USE; with audit, the system schemas)', () => {
    const cfg = config({ httpPath: '/sql/1.0/warehouses/abc123', audit: { enabled: true } });
    const text = file(exportScripts(cfg), 'setup.sql');
    const head = text.slice(0, text.indexOf('-- ===='));
    expect(head).toContain('-- REST-only prerequisites (no SQL statement does these)');
    expect(head).toContain(`--   PATCH /api/2.0/permissions/warehouses/abc123  body {"access_control_list":[{"service_principal_name":"${cfg.servicePrincipal.applicationId}","permission_level":"CAN_USE"}]}`);
    expect(head).toContain('--   PUT /api/2.1/unity-catalog/metastores/<metastore-id>/systemschemas/access  body {}');
    expect(head).toContain('--   PUT /api/2.1/unity-catalog/metastores/<metastore-id>/systemschemas/query  body {}');
    expect(head).toContain('GET /api/2.1/unity-catalog/metastore_summary');
    // No statement in the script is a REST call, and the uninstall script has no such header.
    expect(text.split('\n').filter((l) => /^(PUT|PATCH) /.test(l))).toEqual([]);
    expect(file(exportScripts(cfg), 'uninstall.sql')).not.toContain('REST-only prerequisites');
    expect(file(exportScripts(config({ httpPath: '/sql/1.0/warehouses/abc123', audit: { enabled: false } })), 'setup.sql')).not.toContain('systemschemas');
  });

  it('uninstall.sql\u2019s header names every REVOKE that assumes the service principal held nothing before set-up', () => {
    const cfg = config({ governedCatalogs: ['hr', 'finance'], audit: { enabled: true } });
    const text = file(exportScripts(cfg), 'uninstall.sql');
    const head = text.slice(0, text.indexOf('-- ===='));
    expect(head).toContain('-- These statements assume nothing pre-existed: they revoke every privilege the set-up grants');
    const revokeIds = planUninstall(cfg, null).steps.filter((s) => s.sql.startsWith('REVOKE ')).map((s) => s.id);
    expect(revokeIds.length).toBeGreaterThan(2);
    for (const id of revokeIds) expect(head).toContain(`--   ${id}\n`);
    expect(head).toContain('uninstall from ucbridge, which revokes only what the set-up added');
    expect(file(exportScripts(cfg), 'setup.sql')).not.toContain('assume nothing pre-existed');
  });

  it('writes setup.sql, uninstall.sql and a notebook, valid export files', () => {
    const files = exportScripts(c);
    expect(files.map((f) => f.name)).toEqual(['setup.sql', 'uninstall.sql', 'setup_notebook.sql']);
    for (const f of files) expect(ExportFileSchema.parse(f)).toEqual(f);
  });

  it('is deterministic: the same config gives the same bytes, however it was written; a time only when given', () => {
    const again = IntegrationConfigSchema.parse(JSON.parse(JSON.stringify({ ...c, catalog: c.catalog.toUpperCase() })));
    expect(exportScripts(again)).toEqual(exportScripts(c));
    expect(exportScripts(c).map((f) => f.content).join('')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(file(exportScripts(c, { generatedAt: '2026-12-06T10:00:00.000Z' }), 'setup.sql')).toContain('Generated at:           2026-12-06T10:00:00.000Z');
  });

  it('runs exactly the planner\u2019s statements, in order, one per line with a purpose comment before each', () => {
    for (const cfg of Object.values(CONFIGS)) {
      const files = exportScripts(cfg);
      expect(statements(file(files, 'setup.sql'))).toEqual(planSetup(cfg, null).steps.map((s) => s.sql));
      expect(statements(file(files, 'uninstall.sql'))).toEqual(planUninstall(cfg, null).steps.map((s) => s.sql));
      expect(statements(file(files, 'setup_notebook.sql'))).toEqual(planSetup(cfg, null).steps.map((s) => s.sql));
      const lines = file(files, 'setup.sql').split('\n');
      const plan = planSetup(cfg, null);
      plan.steps.forEach((s) => {
        const at = lines.indexOf(`${s.sql};`);
        expect(lines[at - 1]).toBe(`-- ${s.purpose} [${s.id}]`);
      });
    }
  });

  it('has a header with the config summary and no secret, even when one is smuggled into the config object', () => {
    const smuggled = rawConfig(CONFIGS['audit on, two governed catalogs']!, {}) as unknown as Record<string, unknown>;
    smuggled.token = 'dapiSECRET0123456789';
    smuggled.oAuthClientConfig = { clientSecret: 'dose-SECRET-abcdef' };
    const files = exportScripts(smuggled as never);
    const setup = file(files, 'setup.sql');
    for (const line of ['-- Workspace:              https://adb-1234567890123456.7.azuredatabricks.net', '-- Integration catalog:    ucbridge', '-- Service principal:      8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b (application id)', '-- Governed catalogs:      hr, finance', '-- Query audit:            on']) {
      expect(setup).toContain(line);
    }
    expect(setup).toContain(`sha-256 ${planSetup(smuggled as never, null).hash}`);
    for (const f of files) expect(f.content).not.toMatch(/dapiSECRET|dose-SECRET|clientSecret|"token"/);
  });

  it('divides statements into a section per workspace that runs them', () => {
    const setup = file(exportScripts(c), 'setup.sql');
    const headings = setup.split('\n').filter((l) => l.startsWith('-- ===='));
    expect(headings).toEqual([
      '-- ==== Workspace https://adb-1234567890123456.7.azuredatabricks.net (main) ====',
      '-- ==== Workspace workspace-b.cloud.databricks.com (additional: run these there) ====',
      '-- ==== Workspace workspace-c.cloud.databricks.com (additional: run these there) ====',
    ]);
    expect(setup.indexOf('`isolated_catalog1`')).toBeGreaterThan(setup.indexOf(headings[1]!));
  });

  it('writes a Databricks notebook source file: first line, cells separated, one statement per cell', () => {
    const nb = file(exportScripts(c), 'setup_notebook.sql');
    expect(nb.split('\n')[0]).toBe(NOTEBOOK_FIRST_LINE);
    const cells = nb.slice(NOTEBOOK_FIRST_LINE.length + 1).split(`\n\n${NOTEBOOK_CELL_SEPARATOR}\n\n`);
    const code = cells.filter((cell) => !cell.startsWith('-- MAGIC'));
    expect(code).toHaveLength(planSetup(c, null).steps.length);
    for (const cell of cells.filter((x) => x.startsWith('-- MAGIC'))) {
      expect(cell.split('\n').every((l) => l.startsWith('-- MAGIC'))).toBe(true);
    }
    expect(cells[0]).toMatch(/^-- MAGIC %md\n-- MAGIC # ucbridge set-up script/);
  });

  it('grants MANAGE on each governed catalog by default, and says in the header what it lets the service principal do, dropping included', () => {
    const files = exportScripts(CONFIGS['audit on, two governed catalogs']!);
    expect(statements(file(files, 'setup.sql')).filter((s) => s.includes('MANAGE'))).toEqual([
      'GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `hr` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
      'GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `finance` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
    ]);
    for (const name of ['setup.sql', 'uninstall.sql']) {
      const text = file(files, name);
      expect(text).toContain('-- MANAGE granted on:      each governed catalog');
      expect(text).toMatch(/-- MANAGE on each governed catalog: .*drop the catalog, its schemas and tables, and transfer their ownership/);
    }
    // Nothing governed, nothing said about MANAGE.
    expect(file(exportScripts(config()), 'setup.sql')).not.toContain('-- MANAGE on');
  });

  it('with manageScope "schema" grants MANAGE on each listed schema offline, says what that allows, and revokes it in uninstall.sql', () => {
    const files = exportScripts(CONFIGS['MANAGE per schema, managed storage']!);
    expect(file(files, 'setup.sql')).toMatch(/-- MANAGE on each listed schema \(not on the catalogs\): .*cannot drop the catalog, but lets the service principal drop this schema and its tables and transfer their ownership/);
    const setup = statements(file(files, 'setup.sql'));
    expect(setup.filter((s) => /\bMANAGE ON/.test(s))).toEqual([
      'GRANT MANAGE ON SCHEMA `hr`.`default` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
      'GRANT MANAGE ON SCHEMA `hr`.`payroll` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
      'GRANT MANAGE ON SCHEMA `finance`.`ledger` TO `8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b`',
    ]);
    expect(statements(file(files, 'uninstall.sql')).filter((s) => /\bMANAGE ON/.test(s))).toHaveLength(3);
    expect(file(files, 'setup.sql')).toContain('-- Let the service principal govern schema hr.payroll: enforce grants, row filters and column masks on its tables (it may also drop them) [grant:sp:governed:hr:schema:payroll]');
  });

  it('creates the catalog in its managed storage and names it, and who may run the script, in the header', () => {
    const text = file(exportScripts(CONFIGS['MANAGE per schema, managed storage']!), 'setup.sql');
    expect(text).toContain("-- Managed storage:        s3://ucb-managed/it's-here");
    expect(text).toContain("CREATE MANAGED STORAGE on the external location holding s3://ucb-managed/it's-here");
    expect(statements(text)[0]).toMatch(/^CREATE CATALOG IF NOT EXISTS `ucbridge` MANAGED LOCATION 's3:\/\/ucb-managed\/it\\'s-here' COMMENT/);
    expect(file(exportScripts(config()), 'setup.sql')).toContain('-- Managed storage:        (the metastore\u2019s root storage)');
  });

  it('refuses, as bad input, a governed catalog without a schema list, naming the field to add; an empty list is a list', () => {
    const missing = config({ manageScope: 'schema', governedCatalogs: ['hr', 'finance'], governedSchemas: { hr: ['payroll'] }, additionalWorkspaceConnections: [{ workspaceUrl: 'b.example.com', httpPath: '/sql/1.0/warehouses/b', catalogs: ['iso'] }] });
    expect(() => exportScripts(missing)).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('finance, iso'), hint: expect.stringContaining('"governedSchemas":{"finance":["<schema>"') }) }));
    expect(() => exportScripts({ ...missing, governedSchemas: { hr: ['payroll'], finance: [], iso: [] } })).not.toThrow();
    // MANAGE on the catalog (the default) needs no list.
    expect(() => exportScripts({ ...missing, manageScope: 'catalog' })).not.toThrow();
  });

  it('keeps a line break typed into a workspace URL inside its comment', () => {
    const hostile = rawConfig(config(), { workspaceUrl: 'https://x.example.com\nDROP CATALOG main;' });
    for (const f of exportScripts(hostile)) {
      expect(f.content.split('\n').filter((l) => l.startsWith('DROP CATALOG main'))).toEqual([]);
      expect(f.content).toContain('x.example.com\\u000aDROP CATALOG main;');
    }
  });

  it('escapes control and bidirectional formatting characters in every comment and literal (a hostile name cannot disguise the script)', () => {
    const hostile = 'sales\u202e\u2066lanif\u0085';
    const cfg = config({ governedCatalogs: [hostile], governedSchemas: { [hostile]: ['raw\u202e'] } });
    for (const f of exportScripts(cfg)) {
      for (const line of f.content.split('\n')) {
        if (line.startsWith('--')) expect([...line].some(isUnsafeChar), line).toBe(false);
        // In a statement, only a quoted name keeps its characters (backticks have no escapes); literals are escaped.
        else expect([...line.replace(/`(?:[^`]|``)*`/g, '')].some(isUnsafeChar), line).toBe(false);
      }
      expect(f.content).toContain('sales\\u202e\\u2066lanif\\u0085');
    }
  });
});
