import { PARTNER_USER_AGENT, PRODUCT_VERSION } from '../../shared/product';
import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { LogEntry } from '../../shared/contract/app';
import type { Logger, SecretCipher } from '../ports';
import type { CaTrustSettings } from '../services/trust/ca-trust-settings';
import { secretStorageStatus } from '../services/secret-storage/secret-storage-status';

export interface AppDeps {
  readonly host: 'electron' | 'harness';
  readonly platform: string;
  readonly cipher: SecretCipher;
  readonly logger: Logger;
  readonly recentLogs: (limit: number) => readonly LogEntry[];
  readonly startupNotices: () => readonly string[];
  readonly caTrust: CaTrustSettings;
}

export function setupApp(deps: AppDeps): DomainHandlers<'app'> {
  return {
    async info() {
      const storage = await secretStorageStatus(deps.cipher, deps.logger);
      return ok({
        name: 'ucbridge',
        version: PRODUCT_VERSION,
        userAgent: PARTNER_USER_AGENT,
        host: deps.host,
        platform: deps.platform,
        secretStorage: storage.mode,
        ...(storage.note === undefined ? {} : { secretStorageNote: storage.note }),
        startupNotices: [...deps.startupNotices()],
      });
    },
    recentLogs: async ({ limit }) => ok([...deps.recentLogs(limit)]),
    caTrust: async () => ok(deps.caTrust.status()),
    setCaCertFile: async ({ path }) => ok(await deps.caTrust.setFile(path)),
  };
}
