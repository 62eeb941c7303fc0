import type { JWK } from 'jose';
import { z } from 'zod';
import type { IdentitiesState, SeededCredentials } from '../identity';
import type { AdapterEntrySnapshot } from '../oauth/memory-adapter';
import type { WarehouseRecord } from '../rest/warehouses/registry';

/** What `--data-dir` keeps between runs (besides the TLS CA and the request log). */
export interface SandboxState {
  readonly version: 1;
  readonly identities: IdentitiesState;
  readonly warehouses: readonly WarehouseRecord[];
  readonly signingKey: JWK;
  readonly oauth: readonly AdapterEntrySnapshot[];
}

// Shallow validation: enough to refuse a file that is not a sandbox state, without re-describing every record.
const StateSchema = z.object({
  version: z.literal(1),
  identities: z.object({
    accountId: z.string(),
    workspaceId: z.string(),
    identities: z.object({ users: z.array(z.unknown()), servicePrincipals: z.array(z.unknown()), groups: z.array(z.unknown()) }),
    passwords: z.record(z.string(), z.unknown()),
    pats: z.array(z.unknown()),
    spSecrets: z.array(z.unknown()),
  }),
  warehouses: z.array(z.object({ id: z.string(), name: z.string(), state: z.string() }).loose()),
  signingKey: z.object({ kty: z.literal('RSA') }).loose(),
  oauth: z.array(z.object({ key: z.string(), payload: z.unknown() }).loose()),
});

const CredentialsSchema = z.object({
  users: z.array(z.object({ userName: z.string(), password: z.string(), token: z.string() }).loose()),
  servicePrincipals: z.array(z.object({ applicationId: z.string(), clientSecret: z.string() }).loose()),
});

export function parseSandboxState(json: unknown): SandboxState {
  return StateSchema.parse(json) as unknown as SandboxState;
}

export function parseDemoCredentials(json: unknown): SeededCredentials {
  return CredentialsSchema.parse(json) as unknown as SeededCredentials;
}
