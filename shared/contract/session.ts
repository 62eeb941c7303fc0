import { z } from 'zod';
import { channel, event } from './define';
import { TaskIdSchema } from './task';

export const AuthMethodSchema = z.enum(['oauth-u2m', 'oauth-m2m', 'token-federation', 'pat']);
export type AuthMethod = z.infer<typeof AuthMethodSchema>;

export const TokenStateSchema = z.enum([
  'none', // not signed in
  'valid',
  'refreshing',
  'expired', // expired, a refresh is possible
  'signin-required', // the refresh token was refused: the user must sign in again
]);
export type TokenState = z.infer<typeof TokenStateSchema>;

export const SessionStateSchema = z.object({
  workspace: z
    .object({
      url: z.string(),
      label: z.string(),
      kind: z.enum(['workspace', 'account', 'sandbox']),
      workspaceId: z.string().optional(),
      accountId: z.string().optional(),
    })
    .nullable(),
  identity: z
    .object({
      kind: z.enum(['user', 'service-principal']),
      userName: z.string(),
      displayName: z.string(),
      admin: z.boolean(),
      groups: z.array(z.string()),
    })
    .nullable(),
  authMethod: AuthMethodSchema.nullable(),
  token: z.object({
    state: TokenStateSchema,
    /** Epoch milliseconds; absent for a PAT of unknown lifetime. */
    expiresAt: z.number().optional(),
  }),
  /** Whether the session survives a restart (keychain) or not (memory only). */
  persistence: z.enum(['keychain', 'memory-only', 'none']),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export const DisconnectResultSchema = z.object({
  /** True when the server advertised revocation and the refresh token was revoked there. */
  revoked: z.boolean(),
  /** Where to revoke by hand when the server could not do it (app connection, service-principal secret…). */
  manualRevocationSteps: z.array(z.string()),
});

export const sessionChannels = {
  state: channel({
    input: z.object({}).strict(),
    output: SessionStateSchema,
    summary: 'Which workspace, which identity, token state.',
  }),
  disconnect: channel({
    input: z.object({ uninstall: z.boolean().default(false) }).strict(),
    output: DisconnectResultSchema,
    summary: 'Revoke and forget the tokens; optionally uninstall first.',
  }),
  reauthenticate: channel({
    /** `taskId` lets the renderer follow and cancel a browser sign-in (auth.progress, task.cancel). */
    input: z.object({ taskId: TaskIdSchema.optional() }).strict(),
    output: SessionStateSchema,
    summary: 'Run the chosen sign-in method again, keeping workspace and integration settings.',
  }),
} as const;

export const sessionEvents = {
  'session.changed': event({ payload: SessionStateSchema, summary: 'The session state changed.' }),
} as const;
