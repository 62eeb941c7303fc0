/**
 * Grants a user has given an app, remembered across browser sessions: Databricks asks for consent once per app,
 * and repeat logins are pure redirects (oauth-loopback-testing.md "Consent (friction point)"). oidc-provider only
 * remembers a grant inside one browser session, so `loadExistingGrant` also looks here.
 */
export class ConsentMemory {
  private readonly grants = new Map<string, string>();

  remember(accountId: string, clientId: string, grantId: string): void {
    this.grants.set(`${accountId}\n${clientId}`, grantId);
  }

  grantIdFor(accountId: string, clientId: string): string | undefined {
    return this.grants.get(`${accountId}\n${clientId}`);
  }

  clear(): void {
    this.grants.clear();
  }
}
