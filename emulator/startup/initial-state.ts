import type { SeedName } from '../contracts';
import { ADMINS_GROUP, applyIdentitySeed, Identities, type SeededCredentials } from '../identity';
import { OAuthStorage } from '../oauth/memory-adapter';
import { createSigningKey, fromPrivateJwk, type SigningKey } from '../oauth/signing-key';
import { loadDataDir, saveCredentials } from '../persistence/data-dir';
import { WarehouseRegistry, type NewWarehouse } from '../rest/warehouses/registry';
import { DEMO_IDENTITIES } from '../seeds/identities-demo';
import { EMPTY_IDENTITIES } from '../seeds/identities-empty';
import { DEMO_WAREHOUSES, EMPTY_WAREHOUSES } from '../seeds/warehouses-demo';

export interface InitialState {
  readonly identities: Identities;
  readonly credentials: SeededCredentials;
  readonly warehouses: WarehouseRegistry;
  readonly signingKey: SigningKey;
  readonly oauthStorage: OAuthStorage;
  /** True when the state came from the data dir rather than the seed. */
  readonly restored: boolean;
}

function seedWarehouses(seed: SeedName, creator: string): readonly NewWarehouse[] {
  return seed === 'empty' ? EMPTY_WAREHOUSES(creator) : DEMO_WAREHOUSES(creator);
}

/** The saved sandbox from the data dir if there is one, else a fresh one from the seed (`large` uses demo people). */
export async function initialState(seed: SeedName, startDelayMs: number, dataDir?: string): Promise<InitialState> {
  const saved = dataDir === undefined ? undefined : await loadDataDir(dataDir);
  if (saved) {
    return {
      identities: new Identities(saved.state.identities),
      credentials: saved.credentials,
      warehouses: new WarehouseRegistry(saved.state.warehouses, startDelayMs),
      signingKey: await fromPrivateJwk(saved.state.signingKey),
      oauthStorage: new OAuthStorage(saved.state.oauth),
      restored: true,
    };
  }
  const identities = new Identities();
  const credentials = applyIdentitySeed(identities, seed === 'empty' ? EMPTY_IDENTITIES : DEMO_IDENTITIES);
  const admin = credentials.users.find((u) => u.groups.includes(ADMINS_GROUP));
  if (dataDir !== undefined) await saveCredentials(dataDir, credentials);
  return {
    identities,
    credentials,
    warehouses: new WarehouseRegistry(seedWarehouses(seed, admin?.userName ?? ''), startDelayMs),
    signingKey: await createSigningKey(),
    oauthStorage: new OAuthStorage(),
    restored: false,
  };
}
