import { describe, expect, it } from 'vitest';
import { integrationPayload, integrationPayloadObject } from './integration-payload';
import { CONFIGS, SP, rawConfig } from './planner.test-support';

describe('integrationPayload', () => {
  it('is seed 001\u2019s config object for OAuth M2M as the service principal, without any secret field', () => {
    const payload = integrationPayloadObject(CONFIGS['additional workspaces']!);
    expect(payload).toEqual({
      workspaceUrl: 'adb-1234567890123456.7.azuredatabricks.net',
      httpPath: '/sql/1.0/warehouses/abc123def4567890',
      port: 443,
      authenticationType: 'oAuthM2M',
      oAuthClientConfig: { clientId: SP, authorityUrl: 'https://adb-1234567890123456.7.azuredatabricks.net/oidc/v1/token', scope: 'all-apis', useCertificate: false },
      catalog: 'ucbridge',
      audit: { enabled: false },
      additionalWorkspaceConnections: [
        {
          workspaceUrl: 'workspace-b.cloud.databricks.com',
          httpPath: '/sql/1.0/warehouses/2222222222222222',
          authenticationType: 'oAuthM2M',
          oAuthClientConfig: { clientId: SP, authorityUrl: 'https://workspace-b.cloud.databricks.com/oidc/v1/token', scope: 'all-apis', useCertificate: false },
          catalogs: ['isolated_catalog1'],
        },
        {
          workspaceUrl: 'workspace-c.cloud.databricks.com',
          httpPath: '/sql/1.0/warehouses/3333333333333333',
          authenticationType: 'oAuthM2M',
          oAuthClientConfig: { clientId: SP, authorityUrl: 'https://workspace-c.cloud.databricks.com/oidc/v1/token', scope: 'all-apis', useCertificate: false },
          catalogs: ['isolated_catalog2', 'isolated_catalog3'],
        },
      ],
    });
  });

  it('writes integration.json deterministically, and a secret smuggled into the config never gets in', () => {
    const c = rawConfig(CONFIGS['audit on, two governed catalogs']!, {}) as unknown as Record<string, unknown>;
    c.clientSecret = 'dose-SECRET-1';
    c.token = 'dapi-SECRET-2';
    const file = integrationPayload(c as never);
    expect(file).toMatchObject({ name: 'integration.json', mediaType: 'application/json' });
    expect(file.content).toBe(integrationPayload(c as never).content);
    expect(file.content).not.toMatch(/SECRET|clientSecret|"token"/);
    expect(JSON.parse(file.content)).toMatchObject({ catalog: 'ucbridge', audit: { enabled: true } });
  });
});
