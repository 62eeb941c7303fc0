import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { IntegrationConfigSchema, type IntegrationConfig } from '../../../../shared/integration/config';
import type { RestClient, RestRequest } from '../../connection/types';
import { manifestApiPath, readManifest, writeManifest } from './manifest';

const config = IntegrationConfigSchema.parse({
  workspaceUrl: 'https://adb-1.2.azuredatabricks.net',
  httpPath: '/sql/1.0/warehouses/abc123',
  catalog: 'ucbridge',
  audit: { enabled: true },
  servicePrincipal: { applicationId: '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' },
  governedCatalogs: ['hr'],
});

function recordingRest(): RestClient & { readonly sent: RestRequest<z.ZodType>[] } {
  const sent: RestRequest<z.ZodType>[] = [];
  return { sent, request: async (req) => void sent.push(req) as never };
}

/** What set-up added, per grant step: what uninstall revokes (issue: exact uninstall). */
const ADDED = [{ stepId: 'grant:sp:governed:main', target: 'main', securable: 'CATALOG' as const, name: ['main'], privileges: ['SELECT', 'MANAGE'] }];

describe('writeManifest', () => {
  it('PUTs the manifest with overwrite to the staging volume and returns its /Volumes path', async () => {
    const rest = recordingRest();
    const path = await writeManifest(rest, { catalog: 'ucbridge', config, planHash: 'h1', appliedAt: Date.UTC(2026, 11, 6), appliedBy: 'admin@example.com', addedPrivileges: ADDED });
    expect(path).toBe('/Volumes/ucbridge/registry/staging/manifest.json');
    expect(rest.sent).toHaveLength(1);
    expect(rest.sent[0]).toMatchObject({ method: 'PUT', path: '/api/2.0/fs/files/Volumes/ucbridge/registry/staging/manifest.json', query: { overwrite: true } });
    // Raw bytes, sent as application/octet-stream by the REST client (the Files API's upload format).
    expect(rest.sent[0]!.body).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode(rest.sent[0]!.bytes))).toEqual({
      manifestVersion: 1,
      product: 'ucbridge',
      productVersion: expect.any(String),
      planHash: 'h1',
      appliedAt: '2026-12-06T00:00:00.000Z',
      appliedBy: 'admin@example.com',
      config: { ...config },
      addedPrivileges: ADDED,
    });
  });

  it('keeps anything but the config fields out of the file, even if a secret rides along at run time', async () => {
    const rest = recordingRest();
    const smuggled = { ...config, clientSecret: 'dose-very-secret' } as IntegrationConfig;
    await writeManifest(rest, { catalog: 'ucbridge', config: smuggled, planHash: 'h1', appliedAt: 0, appliedBy: 'a', addedPrivileges: [] });
    expect(new TextDecoder().decode(rest.sent[0]!.bytes)).not.toContain('dose-very-secret');
  });

  it('percent-encodes every path segment', () => {
    expect(manifestApiPath('we ird/..?#')).toBe('/api/2.0/fs/files/Volumes/we%20ird%2F..%3F%23/registry/staging/manifest.json');
  });

  it('writes the whole config: storage location, additional workspaces and the schemas given MANAGE', async () => {
    const rest = recordingRest();
    const full = IntegrationConfigSchema.parse({
      ...config,
      storageLocation: 's3://bucket/ucbridge',
      manageScope: 'schema',
      governedCatalogs: ['hr', 'sales'],
      additionalWorkspaceConnections: [{ workspaceUrl: 'https://adb-2.3.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/def456', catalogs: ['finance'] }],
      governedSchemas: { hr: ['people', 'pay'], finance: ['ledger'] },
    });
    await writeManifest(rest, { catalog: 'ucbridge', config: full, planHash: 'h1', appliedAt: 0, appliedBy: 'a', addedPrivileges: [] });
    const written = JSON.parse(new TextDecoder().decode(rest.sent[0]!.bytes)) as { config: unknown };
    expect(written.config).toEqual({
      workspaceUrl: 'https://adb-1.2.azuredatabricks.net',
      httpPath: '/sql/1.0/warehouses/abc123',
      catalog: 'ucbridge',
      storageLocation: 's3://bucket/ucbridge',
      manageScope: 'schema',
      audit: { enabled: true },
      servicePrincipal: { applicationId: '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b' },
      governedCatalogs: ['hr', 'sales'],
      additionalWorkspaceConnections: [{ workspaceUrl: 'https://adb-2.3.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/def456', catalogs: ['finance'] }],
      governedSchemas: { hr: ['people', 'pay'], finance: ['ledger'] },
    });
  });

  it('leaves the storage location out of the file when the config has none', async () => {
    const rest = recordingRest();
    await writeManifest(rest, { catalog: 'ucbridge', config, planHash: 'h1', appliedAt: 0, appliedBy: 'a', addedPrivileges: [] });
    expect(new TextDecoder().decode(rest.sent[0]!.bytes)).not.toContain('storageLocation');
  });

  it('names what it was doing for a failure message, and passes the cancel signal on', async () => {
    const rest = recordingRest();
    const cancel = new AbortController();
    await writeManifest(rest, { catalog: 'ucbridge', config, planHash: 'h1', appliedAt: 0, appliedBy: 'a', addedPrivileges: [] }, cancel.signal);
    await writeManifest(rest, { catalog: 'ucbridge', config, planHash: 'h1', appliedAt: 0, appliedBy: 'a', addedPrivileges: [] });
    expect(rest.sent[0]).toMatchObject({ what: 'Writing the set-up manifest to the staging volume', signal: cancel.signal });
    expect('signal' in rest.sent[1]!).toBe(false);
  });
});

describe('readManifest', () => {
  /** A REST client answering every request with `reply`, parsed by the request's own schema as the real one does. */
  function answering(reply: unknown): RestClient & { readonly sent: RestRequest<z.ZodType>[] } {
    const sent: RestRequest<z.ZodType>[] = [];
    return { sent, request: async (req) => (sent.push(req), req.schema.parse(reply)) as never };
  }

  it('GETs the manifest from the staging volume, and reads "none there" as null', async () => {
    const cancel = new AbortController();
    const none = answering(null);
    expect(await readManifest(none, 'ucbridge', cancel.signal)).toBeNull();
    expect(none.sent[0]).toMatchObject({ method: 'GET', path: '/api/2.0/fs/files/Volumes/ucbridge/registry/staging/manifest.json', what: 'Reading the set-up manifest', signal: cancel.signal });
    const manifest = { manifestVersion: 1, product: 'ucbridge', productVersion: '1.0.0', planHash: 'h1', appliedAt: '2026-12-06T00:00:00.000Z', appliedBy: 'a', config: { catalog: 'ucbridge' }, addedPrivileges: ADDED };
    const some = answering(manifest);
    expect(await readManifest(some, 'ucbridge')).toEqual(manifest);
    expect('signal' in some.sent[0]!).toBe(false);
  });

  it("refuses a file that is not ucbridge's manifest", async () => {
    await expect(readManifest(answering({ manifestVersion: 2, product: 'other' }), 'ucbridge')).rejects.toThrow();
  });
});
