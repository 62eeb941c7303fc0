import type { CaTrustStatus } from '../../../../shared/contract/app';

/** One sentence: what connections trust now, in plain language. */
export function describeCaTrust(status: CaTrustStatus): string {
  const base =
    status.systemStore === 'used'
      ? 'ucbridge trusts the certificates your operating system trusts, plus the usual public roots'
      : 'Here (the browser app) ucbridge cannot read your operating system’s certificates; it trusts the usual public roots';
  if (status.caCertFile === null || status.fileCertificates === 0) return `${base}.`;
  const n = status.fileCertificates;
  return `${base}, and ${n} certificate${n === 1 ? '' : 's'} from ${status.caCertFile}.`;
}

/** The disclosure's summary line. */
export function caTrustSummary(status: CaTrustStatus | undefined): string {
  if (status?.problem) return 'Connection settings — the CA certificate file needs attention';
  if (status?.caCertFile) return 'Connection settings — CA certificate file set';
  return 'Connection settings (behind a TLS-inspecting proxy or private CA?)';
}
