import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A directory only its owner can enter (0700) holding files only its owner can read (0600) — also when it already
 * existed with wider modes (made by an older build, another tool, or a copy): `mkdir`'s mode applies only to what it
 * creates, and a file written atomically is new, but a file that is only read never gets a write to fix it. Symbolic
 * links are left alone (chmod would change their target). On Windows modes mean little; nothing fails there.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await tighten(dir, 0o700);
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const stat = await lstat(path).catch(() => undefined);
    if (stat?.isFile()) await tighten(path, 0o600);
  }
}

async function tighten(path: string, mode: number): Promise<void> {
  const stat = await lstat(path);
  if ((stat.mode & 0o777) !== mode) await chmod(path, mode);
}
