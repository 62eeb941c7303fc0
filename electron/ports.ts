/**
 * The outside world of the main process, as small interfaces. Only `electron/platform/` implements them with
 * Electron; tests, the browser harness and the CLI implement them with plain Node. Nothing else in the main
 * process may reach for Electron, the clock, the browser or the disk directly.
 */

/** Encrypts secrets with an OS-held key (Electron safeStorage's async API in the app). */
export interface SecretCipher {
  /**
   * Whether secrets can be protected at rest. `basic_text` (Linux without a keyring) is reported as not secure:
   * its key is a constant, so the app keeps secrets in memory only.
   */
  status(): Promise<{ readonly secure: boolean; readonly backend: string }>;
  encrypt(plain: string): Promise<Uint8Array>;
  /** `shouldReEncrypt` asks the caller to encrypt again and save (the OS key was rotated). */
  decrypt(blob: Uint8Array): Promise<{ readonly plain: string; readonly shouldReEncrypt: boolean }>;
}

/** Opens a URL in the user's system browser (never inside the app). */
export interface BrowserOpener {
  open(url: string): Promise<void>;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Non-secret JSON state (settings, recent workspaces, journals), one document per key. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<readonly string[]>;
}

/** Opaque binary blobs (encrypted secrets), written with mode 0600 where the platform has modes. */
export interface BlobStore {
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, data: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  /** Names of the blobs, without those set aside. */
  list(): Promise<readonly string[]>;
  /** Moves a blob that cannot be used to `<name>.corrupt-<time>` (kept for support, never deleted); returns that name. */
  setAside(name: string): Promise<string>;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Every field and message passes through the redaction filter before it is written anywhere. */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
  child(scope: string): Logger;
}

/** A file the user asked to export, saved where the user picks (a save dialog in the app). */
export interface FileToSave {
  readonly suggestedName: string;
  readonly content: string;
  /** 0o600 for anything holding a secret, so only the user's account can read it. */
  readonly mode: number;
}

/** Saves an export outside the app's own state; resolves to the path written, or null when the user cancelled. */
export interface FileSaver {
  save(file: FileToSave): Promise<string | null>;
}
