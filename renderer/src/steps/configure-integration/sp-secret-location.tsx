import { PayloadExport } from './payload-export';
import { useIntegrationView } from './use-integration';

export interface CreatedSecret {
  readonly applicationId: string;
  readonly displayName: string;
  /** Where main really keeps the new service principal's OAuth secret. */
  readonly secretStorage: 'keychain' | 'memory-only';
}

/**
 * Where the OAuth secret of the service principal ucbridge just created really is. In the OS keychain it outlives
 * the app; in memory only (no keychain ucbridge may use) it is gone when ucbridge quits, and Databricks shows a secret
 * once, so the user is asked to export the payload with the secret now (once the settings naming this service
 * principal are saved: the payload is built from them).
 */
export function SpSecretLocation({ created }: { readonly created: CreatedSecret }) {
  const saved = useIntegrationView().data?.settings?.config.servicePrincipal.applicationId.toLowerCase() === created.applicationId.toLowerCase();
  return <SpSecretLocationView created={created} saved={saved} />;
}

export function SpSecretLocationView({ created, saved }: { readonly created: CreatedSecret; readonly saved: boolean }) {
  if (created.secretStorage === 'keychain') {
    return (
      <p className="ci-muted" data-testid="ci-sp-secret-location">
        {created.displayName}’s OAuth secret is saved, encrypted, in this computer’s OS keychain.
      </p>
    );
  }
  return (
    <section className="banner banner--warning" role="alert" aria-label="Export the secret now" data-testid="ci-sp-secret-location">
      <p>
        <strong>Export the payload now: {created.displayName}’s OAuth secret is in memory only.</strong> ucbridge has no OS keychain it may use here, so
        the secret is gone when ucbridge quits, and Databricks cannot show it again (you would have to make a new one in the account console).
      </p>
      {saved ? (
        <PayloadExport secretInVault />
      ) : (
        <p>Save and validate the settings below first (the payload is built from them), then save the payload with the secret here.</p>
      )}
    </section>
  );
}
