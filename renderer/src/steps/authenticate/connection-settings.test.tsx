import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaTrustStatus } from '../../../../shared/contract/app';
import { BridgeContext, type Bridge } from '../../api/api-context';
import { caTrustSummary, describeCaTrust } from './ca-trust-text';
import { ConnectionSettingsView } from './connection-settings';

const desktop: CaTrustStatus = { caCertFile: null, fileCertificates: 0, systemStore: 'used' };
const withFile: CaTrustStatus = { caCertFile: '/etc/company/ca.pem', fileCertificates: 2, systemStore: 'used' };
const html = (status: CaTrustStatus) =>
  renderToStaticMarkup(
    <BridgeContext.Provider value={{} as Bridge /* rendering only: nothing is called */}>
      <QueryClientProvider client={new QueryClient()}>
        <ConnectionSettingsView status={status} path="" onPathChange={() => undefined} onSave={() => undefined} onRemove={() => undefined} saving={false} />
      </QueryClientProvider>
    </BridgeContext.Provider>,
  );

describe('connection settings', () => {
  it('says the installed app trusts the operating system’s certificates, and what the file adds', () => {
    expect(describeCaTrust(desktop)).toBe('ucbridge trusts the certificates your operating system trusts, plus the usual public roots.');
    expect(describeCaTrust(withFile)).toBe(
      'ucbridge trusts the certificates your operating system trusts, plus the usual public roots, and 2 certificates from /etc/company/ca.pem.',
    );
  });

  it('says plainly when the host cannot read the OS store (the browser app)', () => {
    expect(describeCaTrust({ ...desktop, systemStore: 'unavailable' })).toMatch(/^Here \(the browser app\) ucbridge cannot read your operating system’s certificates/);
  });

  it('renders the CA certificate file field with its help, and Remove only when a file is set', () => {
    const none = html(desktop);
    expect(none).toContain('CA certificate file');
    expect(none).toContain('Only needed when your company’s CA is not installed in the operating system');
    expect(none).not.toContain('Stop using this file');
    expect(html(withFile)).toContain('Stop using this file');
  });

  it('shows a stored file that stopped working, and the summary points at it', () => {
    const broken = { ...withFile, fileCertificates: 0, problem: 'There is no file at /etc/company/ca.pem. Check the path.' };
    expect(html(broken)).toContain('role="alert">There is no file at /etc/company/ca.pem. Check the path.');
    expect(caTrustSummary(broken)).toContain('needs attention');
    expect(caTrustSummary(desktop)).toContain('TLS-inspecting proxy');
  });
});
