import { describe, expect, it } from 'vitest';
import { leastPrivilegeRows } from '../../../../shared/integration/least-privilege';
import { EMPTY_CONFIG_FORM, newWorkspaceDraft } from './form-state';
import { previewConfig } from './preview-config';

describe('previewConfig', () => {
  it('keeps what is valid and drops the rest, so the table follows the form while it is typed', () => {
    const extra = { ...newWorkspaceDraft(), workspaceUrl: 'https://other.cloud.databricks.com', httpPath: 'bad path!', catalogs: 'x' };
    const config = previewConfig({ ...EMPTY_CONFIG_FORM, catalog: 'UCB', governedCatalogs: ['Sales', 'sales', 'bad name', 'ucb'], additional: [extra] }, 'https://w');
    expect(config).toMatchObject({ catalog: 'ucb', governedCatalogs: ['sales'], additionalWorkspaceConnections: [] });
  });

  it('uses a placeholder catalog until the name follows the rule, and gives the least-privilege rows for it', () => {
    const config = previewConfig({ ...EMPTY_CONFIG_FORM, catalog: '1bad', audit: false }, '');
    expect(config.catalog).toBe('integration_catalog');
    const rows = leastPrivilegeRows(config);
    expect(rows.some((r) => r.who === 'installer' && r.privilege === 'CREATE CATALOG')).toBe(true);
    expect(rows.some((r) => r.who === 'service-principal')).toBe(true);
    expect(rows.some((r) => r.privilege === 'Metastore admin')).toBe(false);
  });

  it('with MANAGE per schema, shows it on each saved schema of a catalog still governed, and drops lists of catalogs no longer in the form', () => {
    const config = previewConfig({ ...EMPTY_CONFIG_FORM, catalog: 'ucb', governedCatalogs: ['sales'], manageScope: 'schema' }, 'https://w', { sales: ['crm', 'web'], hr: ['people'] });
    expect(config.governedSchemas).toEqual({ sales: ['crm', 'web'] });
    const manage = leastPrivilegeRows(config).filter((r) => r.who === 'service-principal' && r.privilege === 'MANAGE');
    expect(manage.map((r) => r.on)).toEqual([expect.stringContaining('crm'), expect.stringContaining('web')]);
  });

  it('by default shows MANAGE on the governed catalog itself, and the managed location once it is a storage URL', () => {
    const typing = previewConfig({ ...EMPTY_CONFIG_FORM, catalog: 'ucb', governedCatalogs: ['sales'], storageLocation: 's3:/' }, 'https://w', { sales: ['crm'] });
    expect(leastPrivilegeRows(typing).filter((r) => r.privilege === 'MANAGE').map((r) => r.on)).toEqual(['catalog sales']);
    expect(typing.storageLocation).toBeUndefined();
    const typed = previewConfig({ ...EMPTY_CONFIG_FORM, catalog: 'ucb', storageLocation: 's3://b/ucb' }, 'https://w');
    expect(leastPrivilegeRows(typed).find((r) => r.privilege === 'CREATE MANAGED STORAGE')?.on).toBe('the external location holding s3://b/ucb');
  });
});
