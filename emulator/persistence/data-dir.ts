import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeededCredentials } from '../identity';
import { parseDemoCredentials, parseSandboxState, type SandboxState } from './sandbox-state';

const STATE_FILE = 'sandbox-state.json';
// The demo credentials the sandbox prints at every start (users' passwords and PATs, SPs' secrets). Kept in clear,
// mode 0600, so a restarted sandbox announces the same ones; every other credential is stored as a digest.
const CREDENTIALS_FILE = 'demo-credentials.json';

export interface Persisted {
  readonly state: SandboxState;
  readonly credentials: SeededCredentials;
}

export class DataDirError extends Error {}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** The saved sandbox, or undefined for a new data dir. A corrupt file is an error, never silently replaced. */
export async function loadDataDir(dir: string): Promise<Persisted | undefined> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let raw: unknown;
  try {
    raw = await readJson(join(dir, STATE_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataDirError(`${join(dir, STATE_FILE)} is not valid JSON; move it away to start fresh.`);
  }
  try {
    return { state: parseSandboxState(raw), credentials: parseDemoCredentials(await readJson(join(dir, CREDENTIALS_FILE))) };
  } catch {
    throw new DataDirError(`${dir} does not hold a readable sandbox state; move it away to start fresh.`);
  }
}

async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await rename(tmp, path);
}

export async function saveCredentials(dir: string, credentials: SeededCredentials): Promise<void> {
  await writeAtomic(join(dir, CREDENTIALS_FILE), JSON.stringify(credentials, null, 2));
}

/** Writes the state at most every `delayMs`, coalescing bursts of changes; `flush` writes what is pending. */
export class StateWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly snapshot: () => SandboxState,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 100,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush().catch(this.onError), this.delayMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const content = JSON.stringify(this.snapshot());
    const write = this.writing.catch(() => undefined).then(() => writeAtomic(join(this.dir, STATE_FILE), content));
    this.writing = write;
    await write;
  }
}
