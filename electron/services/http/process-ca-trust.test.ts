import { describe, expect, it, vi } from 'vitest';
import { applyProcessCaTrust, processCaTrust } from './process-ca-trust';
import type { TlsCaApi } from './ca-assembly';

const SYSTEM = '-----BEGIN CERTIFICATE-----\nsystem\n-----END CERTIFICATE-----';
const BUNDLED = '-----BEGIN CERTIFICATE-----\nbundled\n-----END CERTIFICATE-----';
const FILE = '-----BEGIN CERTIFICATE-----\nfile\n-----END CERTIFICATE-----';

describe('the main process trust', () => {
  it('becomes Node’s default CA list where setDefaultCACertificates exists (Electron 45)', () => {
    const setDefaultCACertificates = vi.fn();
    const tls: TlsCaApi = {
      rootCertificates: [BUNDLED],
      getCACertificates: (type) => (type === 'system' ? [SYSTEM] : type === 'bundled' ? [BUNDLED] : []),
      setDefaultCACertificates,
    };
    const trust = applyProcessCaTrust([FILE], tls, {});
    expect(setDefaultCACertificates).toHaveBeenCalledWith([SYSTEM, BUNDLED, FILE]);
    expect(trust).toMatchObject({ processWide: true, fileCertificates: [FILE] });
    expect(processCaTrust()).toBe(trust);
  });

  it('is kept for createTlsTrust to add per connection where it does not (Node 20)', () => {
    const trust = applyProcessCaTrust([FILE], { rootCertificates: [BUNDLED] }, {});
    expect(trust.processWide).toBe(false);
    expect(trust.assembly.certificates).toEqual([BUNDLED, FILE]);
    expect(processCaTrust()).toBe(trust);
  });
});
