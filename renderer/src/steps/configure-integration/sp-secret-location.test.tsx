import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BridgeContext, type Bridge } from '../../api/api-context';
import { SpSecretLocationView, type CreatedSecret } from './sp-secret-location';

const html = (created: CreatedSecret, saved: boolean) =>
  renderToStaticMarkup(
    <BridgeContext.Provider value={{} as Bridge /* rendering only: nothing is called */}>
      <QueryClientProvider client={new QueryClient()}>
        <SpSecretLocationView created={created} saved={saved} />
      </QueryClientProvider>
    </BridgeContext.Provider>,
  );
const sp = { applicationId: '6f1c3b2a-0d4e-4f5a-8b9c-0123456789ab', displayName: 'UCBRIDGE_USER' };

describe('SpSecretLocationView', () => {
  it('says the secret is in the OS keychain, and asks nothing more', () => {
    const out = html({ ...sp, secretStorage: 'keychain' }, false);
    expect(out).toContain('UCBRIDGE_USER’s OAuth secret is saved, encrypted, in this computer’s OS keychain.');
    expect(out).not.toContain('role="alert"');
    expect(out).not.toContain('Save payload with the secret');
  });

  it('in memory only, alerts that the secret is lost on quit and offers the export with the secret once the settings are saved', () => {
    const saved = html({ ...sp, secretStorage: 'memory-only' }, true);
    expect(saved).toContain('role="alert"');
    expect(saved).toContain('Export the payload now: UCBRIDGE_USER’s OAuth secret is in memory only.');
    expect(saved).toContain('gone when ucbridge quits, and Databricks cannot show it again');
    expect(saved).toContain('Save payload with the secret…');
    const unsaved = html({ ...sp, secretStorage: 'memory-only' }, false);
    expect(unsaved).toContain('Save and validate the settings below first');
    expect(unsaved).not.toContain('Save payload with the secret…');
  });
});
