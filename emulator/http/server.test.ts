import { request as httpsRequest } from 'node:https';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KEEP_ALIVE_MS, startEmulator, type RunningEmulator } from '../start';
import { sandboxFetch, type SandboxFetch } from '../testing/sandbox-fetch';

let emu: RunningEmulator;
let f: SandboxFetch;
let token: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', maxJsonBodyBytes: 64 * 1024, catalogSide: null, log: () => undefined });
  f = sandboxFetch(emu.workspaceUrl, emu.caCertPem);
  token = emu.users[0]?.token ?? '';
});
afterAll(async () => {
  await f.close();
  await emu.stop();
});

const json = async (res: Awaited<ReturnType<SandboxFetch>>): Promise<Record<string, unknown>> => (await res.json()) as Record<string, unknown>;

describe('HTTPS and authentication', () => {
  it('keeps an idle connection open for minutes, as warehouses do (the Keep-Alive header says how long)', async () => {
    // Databricks documents no idle timeout; databricks/dbt-databricks#648 saw connections dropped after 180+ s idle.
    const res = await f('/oidc/.well-known/oauth-authorization-server');
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe(`timeout=${SERVER_KEEP_ALIVE_MS / 1000}`);
    expect(SERVER_KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('serves HTTPS on 127.0.0.1 with a certificate only the sandbox CA vouches for', async () => {
    expect(emu.workspaceUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/u);
    const { port } = new URL(emu.workspaceUrl);
    const error = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => resolve('connected'));
      socket.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? e.message));
    });
    expect(error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('answers 401 with the Databricks challenge and envelope for missing, malformed, unknown and expired credentials', async () => {
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer' }, { authorization: 'Bearer dapi00000000000000000000000000000000' }, { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }]) {
      const res = await f('/api/2.0/preview/scim/v2/Me', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="DatabricksRealm"');
      const body = await json(res);
      expect(body).toEqual({ error_code: 'UNAUTHENTICATED', message: expect.any(String) });
    }
  });

  it('refuses workspace PATs on account APIs', async () => {
    const res = await f(`/api/2.0/accounts/${emu.accountId}/scim/v2/Users`, { token });
    expect(res.status).toBe(401);
  });
});

describe('malformed requests get Databricks-shaped errors and never crash the server', () => {
  it('unknown paths and methods → 404 ENDPOINT_NOT_FOUND', async () => {
    const res = await f('/api/2.0/lineage-tracking/nothing-here', { method: 'POST', token });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ error_code: 'ENDPOINT_NOT_FOUND', message: "No API found for 'POST /lineage-tracking/nothing-here'" });
    const wrongMethod = await f('/api/2.0/sql/warehouses', { method: 'DELETE', token });
    expect(wrongMethod.status).toBe(404);
    const outside = await f('/favicon.ico');
    expect((await json(outside)).error_code).toBe('ENDPOINT_NOT_FOUND');
  });

  it('bad JSON → 400 MALFORMED_REQUEST (SCIM error shape under SCIM)', async () => {
    const res = await f('/api/2.0/token/create', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: '{"comment":' });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error_code: 'MALFORMED_REQUEST' });
    const scim = await f('/api/2.0/preview/scim/v2/Users', { method: 'POST', token, body: '[1,' });
    expect(scim.status).toBe(400);
    expect(await json(scim)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidSyntax' });
  });

  it('bodies over the limit → 413 with an error body', async () => {
    const res = await f('/api/2.0/token/create', { method: 'POST', token, json: { comment: 'x'.repeat(200 * 1024) } });
    expect(res.status).toBe(413);
    expect((await json(res)).error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('bad percent-encoding and hostile path segments are refused cleanly', async () => {
    const bad = await f('/api/2.0/sql/warehouses/%E0%A4%A', { token });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error_code).toBe('MALFORMED_REQUEST');
    const hostile = await f(`/api/2.0/sql/warehouses/${encodeURIComponent("`x'; DROP\u0000")}`, { token });
    expect(hostile.status).toBe(404);
    expect((await json(hostile)).error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('a raw request with an absurd target still gets an answer, and the server keeps serving', async () => {
    const { port } = new URL(emu.workspaceUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest({ host: '127.0.0.1', port, path: '//%%%/../\u00e9?x=%zz', method: 'GET', ca: emu.caCertPem }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect((await f('/api/2.0/preview/scim/v2/Me', { token })).status).toBe(200);
  });

  it('never leaks a stack trace', async () => {
    const res = await f('/api/2.0/preview/scim/v2/Users', { method: 'POST', token, json: { userName: { nested: ['x'] } } });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/\bat .*\.ts:\d+/u);
  });
});

describe('host metadata', () => {
  it('serves /.well-known/databricks-config without authentication', async () => {
    const res = await f('/.well-known/databricks-config');
    expect(await json(res)).toEqual({
      oidc_endpoint: `${emu.workspaceUrl}/oidc`,
      account_id: emu.accountId,
      workspace_id: emu.workspaceId,
      cloud: 'aws',
      host_type: 'workspace',
      token_federation_default_oidc_audiences: [emu.accountId],
    });
  });
});

describe('request log', () => {
  it('records method, path, principal, status and User-Agent, with no credential in it', async () => {
    const mark = emu.requestLog.mark();
    await f('/api/2.0/preview/scim/v2/Me?attributes=userName', { token, headers: { 'user-agent': 'ucbridge_desktop/0.1.0' } });
    const [entry] = emu.requestLog.entries({ after: mark, pathPrefix: '/api/2.0/preview/scim/v2/Me' });
    expect(entry).toMatchObject({ method: 'GET', status: 200, kind: 'rest', principal: emu.users[0]?.userName, userAgent: 'ucbridge_desktop/0.1.0', query: '?attributes=userName' });
    expect(JSON.stringify(emu.requestLog.entries())).not.toContain(token);
  });
});
