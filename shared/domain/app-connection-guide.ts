/**
 * The in-app guide to creating the OAuth app connection ucbridge signs in through, in the account console.
 * Steps follow Databricks' "App connections" UI (seed 004; docs "enable-disable-oauth"; reference
 * databricks-oauth.md §2.2). A desktop app is a public client protected by PKCE, so no client secret is needed.
 */

export interface GuideStep {
  readonly title: string;
  readonly detail: string;
  /** Values to paste, each with its own copy button. */
  readonly copy?: readonly string[];
}

export function appConnectionGuide(redirectUris: readonly string[]): readonly GuideStep[] {
  return [
    {
      title: 'Open the account console',
      detail:
        'Sign in to the Databricks account console as an account admin (accounts.cloud.databricks.com on AWS, ' +
        'accounts.azuredatabricks.net on Azure, accounts.gcp.databricks.com on GCP). Your account id, a UUID, is ' +
        'in the user menu at the top right; account-level sign-in needs it.',
    },
    {
      title: 'Add an app connection',
      detail: 'In the left sidebar click Settings, open the App connections tab, then click Add connection.',
    },
    { title: 'Name it', detail: 'Application name: a name your colleagues recognise.', copy: ['ucbridge'] },
    {
      title: 'Paste the redirect URLs, exactly',
      detail:
        'Add every one of these, character for character: Databricks compares redirect URLs exactly, port and ' +
        'path included. ucbridge listens on the first free one.',
      copy: redirectUris,
    },
    {
      title: 'Choose the access scopes',
      detail: 'Select All APIs. The offline_access scope (for refresh tokens) is allowed automatically.',
    },
    {
      title: 'Leave "Generate a client secret" unchecked',
      detail:
        'ucbridge is a desktop app: it proves each sign-in with PKCE instead of a shared secret. Only if your ' +
        'policy requires a confidential client, check it and paste the secret into ucbridge (it is kept in your ' +
        'OS keychain).',
    },
    {
      title: 'Token lifetimes',
      detail:
        'Access token TTL: keep the default of 60 minutes. Refresh token TTL: as long as your policy allows ' +
        '(at most 129,600 minutes, 90 days); after it you sign in again.',
    },
    {
      title: 'Copy the client id into ucbridge',
      detail:
        'Click Add, then copy the Client ID from the "Connection created" dialog into the Client ID field here. ' +
        'New or changed app connections can take up to 30 minutes to take effect.',
    },
  ];
}
