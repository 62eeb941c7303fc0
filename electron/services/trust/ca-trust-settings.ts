import { z } from 'zod';
import type { CaTrustStatus } from '../../../shared/contract/app';
import { AppFailure } from '../../../shared/result';
import type { KeyValueStore, Logger } from '../../ports';
import { applyProcessCaTrust, type ProcessCaTrust } from '../http/process-ca-trust';
import { readCaFile } from './ca-file';

/** The kv key of the setting (a file name under state/). */
export const CA_TRUST_KEY = 'ca-trust';

const StoredSchema = z.object({ caCertFile: z.string().min(1).max(4096).nullable() });

export interface CaTrustSettings {
  /** At start-up, before any connection: applies the stored setting (a broken file is reported, not fatal). */
  load(): Promise<CaTrustStatus>;
  status(): CaTrustStatus;
  /** Checks the file first: a file that cannot be used changes nothing. `null` removes the setting. */
  setFile(path: string | null): Promise<CaTrustStatus>;
}

export interface CaTrustSettingsDeps {
  readonly kv: KeyValueStore;
  readonly logger: Logger;
  /** Defaults to the process-wide trust; tests pass their own. */
  readonly apply?: (fileCertificates: readonly string[]) => ProcessCaTrust;
}

/**
 * The "CA certificate file" setting: for the rare network whose CA is not in the operating system's store (which
 * the app trusts anyway). Stored as a path, read at start-up and whenever it changes; new connections use it.
 */
export function createCaTrustSettings(deps: CaTrustSettingsDeps): CaTrustSettings {
  const apply = deps.apply ?? ((certs: readonly string[]) => applyProcessCaTrust(certs));
  let file: string | null = null;
  let trust: ProcessCaTrust | undefined;
  let problem: string | undefined;

  const status = (): CaTrustStatus => ({
    caCertFile: file,
    fileCertificates: trust?.assembly.file ?? 0,
    systemStore: trust === undefined || trust.assembly.system === 'unavailable' ? 'unavailable' : 'used',
    ...(problem === undefined ? {} : { problem }),
  });

  return {
    async load() {
      const stored = StoredSchema.safeParse(await deps.kv.get(CA_TRUST_KEY));
      file = stored.success ? stored.data.caCertFile : null;
      let certificates: string[] = [];
      problem = undefined;
      if (file !== null) {
        try {
          certificates = await readCaFile(file);
        } catch (error) {
          problem = error instanceof AppFailure ? `${error.error.message} ${error.error.hint ?? ''}`.trim() : String(error);
          deps.logger.warn('the CA certificate file setting could not be used', { problem });
        }
      }
      trust = apply(certificates);
      deps.logger.info('certificate authorities trusted', {
        system: trust.assembly.system,
        bundled: trust.assembly.bundled,
        file: trust.assembly.file,
        processWide: trust.processWide,
      });
      return status();
    },
    status,
    async setFile(path) {
      const certificates = path === null ? [] : await readCaFile(path);
      await deps.kv.set(CA_TRUST_KEY, { caCertFile: path });
      file = path;
      problem = undefined;
      trust = apply(certificates);
      return status();
    },
  };
}
