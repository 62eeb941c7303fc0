import { z } from 'zod';
import { FederationTokenSourceSchema } from '../../../shared/contract/auth';
import { AuthMethodSchema } from '../../../shared/contract/session';

/**
 * What a session remembers across restarts, in the non-secret key-value store. Secrets (refresh token, client
 * secret, PAT) live in the vault under `vaultKey(url)`; identity is kept so the header can show who was signed in
 * before the first call refreshes the token.
 */
export const WorkspaceInfoSchema = z.object({
  url: z.string(),
  host: z.string(),
  kind: z.enum(['workspace', 'account', 'sandbox']),
  label: z.string(),
  workspaceId: z.string().optional(),
  accountId: z.string().optional(),
});

export const IdentityInfoSchema = z.object({
  kind: z.enum(['user', 'service-principal']),
  id: z.string(),
  userName: z.string(),
  displayName: z.string(),
  groups: z.array(z.string()),
  admin: z.boolean(),
});

/** How to sign in again: everything but the secrets. */
export const SignInPlanSchema = z.object({
  method: AuthMethodSchema,
  clientId: z.string().optional(),
  accountId: z.string().optional(),
  redirectUris: z.array(z.string()).optional(),
  federation: FederationTokenSourceSchema.optional(),
  profile: z.string().optional(),
});
export type SignInPlan = z.infer<typeof SignInPlanSchema>;

export const SessionRecordSchema = z.object({
  v: z.literal(1),
  workspace: WorkspaceInfoSchema,
  identity: IdentityInfoSchema,
  plan: SignInPlanSchema,
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const SESSION_KEY = 'auth.session';
export const RECENTS_KEY = 'auth.recents';
export const vaultKey = (url: string): string => `session:${url}`;
