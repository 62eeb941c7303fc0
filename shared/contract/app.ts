import { z } from 'zod';
import { channel, event } from './define';

export const AppInfoSchema = z.object({
  name: z.literal('ucbridge'),
  version: z.string(),
  /** The partner User-Agent every request to Databricks carries. */
  userAgent: z.string(),
  /** `electron` inside the desktop app; `harness` in the browser harness used for development and e2e. */
  host: z.enum(['electron', 'harness']),
  platform: z.string(),
  /** Where secrets go: the OS keychain, or memory only (no keychain: sign in again after a restart). */
  secretStorage: z.enum(['keychain', 'memory-only']),
  /** Why secrets are memory-only, in plain language, when they are. */
  secretStorageNote: z.string().optional(),
  /** Problems found with local state at start-up (a corrupt file moved aside, say). */
  startupNotices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const LogEntrySchema = z.object({
  time: z.number(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/**
 * Which certificate authorities connections trust: always the operating system's store where the host can read it
 * (the desktop app), Node's bundled roots, and the optional "CA certificate file" setting.
 */
export const CaTrustStatusSchema = z.object({
  /** The chosen file's full path, or null. */
  caCertFile: z.string().nullable(),
  /** Certificates taken from that file (0 when none is set, or it could not be used). */
  fileCertificates: z.number().int().nonnegative(),
  /** 'unavailable' where the host cannot read the OS store (the browser harness on Node 20). */
  systemStore: z.enum(['used', 'unavailable']),
  /** Why the stored file could not be used at start-up, with the fix. */
  problem: z.string().optional(),
});
export type CaTrustStatus = z.infer<typeof CaTrustStatusSchema>;

export const appChannels = {
  info: channel({
    input: z.object({}).strict(),
    output: AppInfoSchema,
    summary: 'Version, host and secret-storage status.',
  }),
  recentLogs: channel({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(LogEntrySchema),
    summary: 'The most recent log lines (already redacted), for the error view and support.',
  }),
  caTrust: channel({
    input: z.object({}).strict(),
    output: CaTrustStatusSchema,
    summary: 'Which certificate authorities connections trust (OS store, CA certificate file).',
  }),
  setCaCertFile: channel({
    input: z.object({ path: z.string().min(1).max(4096).nullable() }).strict(),
    output: CaTrustStatusSchema,
    summary: 'Sets (or with null removes) the CA certificate file; the file is checked first. New connections use it.',
  }),
} as const;

export const appEvents = {
  'log.entry': event({ payload: LogEntrySchema, summary: 'A redacted log line at info level or above.' }),
} as const;
