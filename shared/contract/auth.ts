import { z } from 'zod';
import { CLIENT_ID_PATTERN, MAX_REDIRECT_URIS } from '../domain/oauth-client';
import { MAX_URL_LENGTH } from '../domain/workspace-url';
import { channel, event } from './define';
import { SessionStateSchema } from './session';
import { TaskIdSchema } from './task';

/**
 * Step 1, Authenticate: choosing a workspace and signing in to it. Secrets (client secrets, PATs) travel only
 * from the renderer to main, never back: nothing below that main returns carries one.
 */

export const WorkspaceChoiceSchema = z.discriminatedUnion('kind', [
  /** Typed or recent: validated with `parseWorkspaceUrl` in main as in the renderer. */
  z.object({ kind: z.literal('url'), url: z.string().max(MAX_URL_LENGTH) }).strict(),
  /** A profile from ~/.databrickscfg, by name. */
  z.object({ kind: z.literal('profile'), name: z.string().min(1).max(200) }).strict(),
  /** The local sandbox workspace (started on demand when running from source). */
  z.object({ kind: z.literal('sandbox') }).strict(),
]);
export type WorkspaceChoice = z.infer<typeof WorkspaceChoiceSchema>;

const ClientIdSchema = z.string().regex(CLIENT_ID_PATTERN, 'client id: letters, digits, . _ : - (up to 200)');
const SecretSchema = z.string().min(1).max(8192);
/** Checked as a UUID by `parseAccountId` in main; the renderer shows the same message inline. */
const AccountIdSchema = z.string().max(64);

export const FederationTokenSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('env'), name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an environment variable name') }).strict(),
]);
export type FederationTokenSource = z.infer<typeof FederationTokenSourceSchema>;

export const SignInMethodSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('oauth-u2m'),
      /** Absent: the profile's, the recent workspace's, or the sandbox's. */
      clientId: ClientIdSchema.optional(),
      /** Only for a confidential app connection. */
      clientSecret: SecretSchema.optional(),
      redirectUris: z.array(z.string().max(200)).min(1).max(MAX_REDIRECT_URIS).optional(),
      /** Account-level sign-in (account console host): the account id. */
      accountId: AccountIdSchema.optional(),
    })
    .strict(),
  z
    .object({
      method: z.literal('oauth-m2m'),
      clientId: ClientIdSchema.optional(),
      clientSecret: SecretSchema.optional(),
      accountId: AccountIdSchema.optional(),
    })
    .strict(),
  z
    .object({
      method: z.literal('token-federation'),
      /** Present: service-principal federation (workload identity); absent: account-wide federation. */
      clientId: ClientIdSchema.optional(),
      source: FederationTokenSourceSchema,
      accountId: AccountIdSchema.optional(),
    })
    .strict(),
  z.object({ method: z.literal('pat'), token: SecretSchema.optional() }).strict(),
]);
export type SignInMethod = z.infer<typeof SignInMethodSchema>;

export const SignInInputSchema = z
  .object({
    taskId: TaskIdSchema,
    workspace: WorkspaceChoiceSchema,
    auth: SignInMethodSchema,
    /** The user agreed to use the secret stored in the chosen ~/.databrickscfg profile (token / client_secret). */
    useProfileSecret: z.boolean().default(false),
  })
  .strict();

export const ProfileSummarySchema = z.object({
  name: z.string(),
  /** Normalised; absent when the profile's host is missing or invalid (`problem` says why). */
  url: z.string().optional(),
  authType: z.string().optional(),
  clientId: z.string().optional(),
  accountId: z.string().optional(),
  /** Whether the profile holds a token / client secret. The values themselves never leave main. */
  hasToken: z.boolean(),
  hasClientSecret: z.boolean(),
  problem: z.string().optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const RecentWorkspaceSchema = z.object({
  url: z.string(),
  label: z.string(),
  kind: z.enum(['workspace', 'account', 'sandbox']),
  method: z.enum(['oauth-u2m', 'oauth-m2m', 'token-federation', 'pat']),
  clientId: z.string().optional(),
  accountId: z.string().optional(),
  redirectUris: z.array(z.string()).optional(),
  lastUsedAt: z.number(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

export const WorkspaceChoicesSchema = z.object({
  profiles: z.array(ProfileSummarySchema),
  /** Where the profiles were read from, and why none were, if so. */
  profilesSource: z.object({ path: z.string(), problem: z.string().optional() }),
  recents: z.array(RecentWorkspaceSchema),
  sandbox: z.object({ available: z.boolean(), running: z.boolean(), reason: z.string().optional() }),
  defaults: z.object({ redirectUris: z.array(z.string()), scopes: z.array(z.string()) }),
});
export type WorkspaceChoices = z.infer<typeof WorkspaceChoicesSchema>;

export const SandboxSetupSchema = z.object({
  url: z.string(),
  label: z.string(),
  clientId: z.string(),
  redirectUris: z.array(z.string()),
  /** Demo users to sign in as on the sandbox's login page (sandbox-only credentials, not real secrets). */
  demoUsers: z.array(z.object({ userName: z.string(), displayName: z.string(), password: z.string(), admin: z.boolean() })),
});
export type SandboxSetup = z.infer<typeof SandboxSetupSchema>;

export const SignInPhaseSchema = z.enum(['discovering', 'waiting-for-browser', 'exchanging-code', 'requesting-token', 'identifying']);
export type SignInPhase = z.infer<typeof SignInPhaseSchema>;

export const SignInProgressSchema = z.object({
  taskId: TaskIdSchema,
  phase: SignInPhaseSchema,
  /** While waiting for the browser: the link to open by hand if the browser did not open (copy-link fallback). */
  authorizeUrl: z.string().optional(),
  redirectUri: z.string().optional(),
  /** Epoch ms when waiting for the browser gives up. */
  deadline: z.number().optional(),
  /** Whether the system browser was opened; false means "open the link yourself". */
  browserOpened: z.boolean().optional(),
});
export type SignInProgress = z.infer<typeof SignInProgressSchema>;

export const authChannels = {
  choices: channel({
    input: z.object({}).strict(),
    output: WorkspaceChoicesSchema,
    summary: 'Profiles from ~/.databrickscfg, recent workspaces, whether the local sandbox is available.',
  }),
  startSandbox: channel({
    input: z.object({}).strict(),
    output: SandboxSetupSchema,
    summary: 'Start the local sandbox workspace (from source only), trust its CA for this session, fill in its settings.',
  }),
  signIn: channel({
    input: SignInInputSchema,
    output: SessionStateSchema,
    summary: 'Sign in to a workspace with the chosen method; progress as auth.progress and task.progress events.',
  }),
  forgetRecent: channel({
    input: z.object({ url: z.string().max(MAX_URL_LENGTH) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
    summary: 'Remove a workspace from the recent list.',
  }),
} as const;

export const authEvents = {
  'auth.progress': event({ payload: SignInProgressSchema, summary: 'Where a sign-in is (waiting for the browser…).' }),
} as const;
