import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import type { Caller, WarehouseState } from '../../contracts';
import { createUnityCatalog, type UnityCatalog } from '../../catalog';
import { testIdentities, TEST_SANDBOX, type FakeIdentities } from '../../catalog/testing/fake-identities';
import { createWarehouseEndpoint, type WarehouseEndpoint } from '../endpoint';
import type { ResultFormat } from '../operation';
import { selfSignedCertificate } from './self-signed';

export const WAREHOUSE_ID = 'abc123def4567890';

/**
 * An in-test HTTPS server around the warehouse endpoint: bearer tokens are the principal names themselves
 * (`Bearer ana@example.com`), standing in for the workspace side's authentication. One per test file.
 */
export interface TestWarehouse {
  readonly uc: UnityCatalog;
  readonly identities: FakeIdentities;
  readonly port: number;
  readonly ca: string;
  readonly states: Map<string, WarehouseState>;
  readonly userAgents: string[];
  connect(principal: string, options?: { resultFormat?: ResultFormat; maxRetries?: number }): Promise<{ client: DBSQLClient; session: IDBSQLSession }>;
  close(): Promise<void>;
}

export async function startTestWarehouse(options: { resultFormat?: ResultFormat } = {}): Promise<TestWarehouse> {
  const identities = testIdentities();
  const uc = await createUnityCatalog({ sandbox: TEST_SANDBOX, identities });
  const states = new Map<string, WarehouseState>([[WAREHOUSE_ID, 'RUNNING']]);
  const endpoint: WarehouseEndpoint = createWarehouseEndpoint({ uc, warehouses: { state: (id) => states.get(id) }, ...options });
  const { cert, key } = selfSignedCertificate();
  const userAgents: string[] = [];
  const server: Server = createServer({ cert, key }, (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const principal = token ? identities.byName(token) : undefined;
    const match = /^\/sql\/1\.0\/warehouses\/([^/?]+)/.exec(req.url ?? '');
    if (!principal) return void res.writeHead(401).end('{"error_code":"UNAUTHENTICATED","message":"Invalid token"}');
    if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
    userAgents.push(req.headers['user-agent'] ?? '');
    const caller: Caller = { principal, userAgent: req.headers['user-agent'] ?? '', credential: 'pat', sourceIp: '127.0.0.1' };
    endpoint.handle(req, res, caller, match[1]!);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const clients: DBSQLClient[] = [];
  return {
    uc,
    identities,
    port,
    ca: cert,
    states,
    userAgents,
    async connect(principal, connectOptions = {}) {
      const client = new DBSQLClient();
      clients.push(client);
      await client.connect({
        host: '127.0.0.1', port, path: `/sql/1.0/warehouses/${WAREHOUSE_ID}`, token: principal, customCaCert: cert,
        userAgentEntry: 'ucbridge-test/0.1', telemetryEnabled: false, retryMaxAttempts: connectOptions.maxRetries ?? 1,
        retryDelayMin: 20, retryDelayMax: 100,
      });
      const configuration = connectOptions.resultFormat ? { 'ucbridge.sandbox.resultFormat': connectOptions.resultFormat } : undefined;
      const session = await client.openSession(configuration ? { configuration } : {});
      return { client, session };
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      endpoint.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await uc.close();
    },
  };
}

/** Runs one statement and returns all rows, as the app does. */
export async function query(session: IDBSQLSession, sql: string, options: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const op = await session.executeStatement(sql, options);
  try {
    return (await op.fetchAll()) as Record<string, unknown>[];
  } finally {
    await op.close();
  }
}

/** One session per principal for a test file, opened lazily. */
export function sessionsFor(w: () => TestWarehouse): (principal: string) => Promise<IDBSQLSession> {
  const open = new Map<string, Promise<IDBSQLSession>>();
  return (principal) => {
    let s = open.get(principal);
    if (!s) open.set(principal, (s = w().connect(principal).then((c) => c.session)));
    return s;
  };
}
