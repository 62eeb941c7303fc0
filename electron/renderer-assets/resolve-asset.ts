import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * Maps a request path (`/assets/index-abc.js`) to a file inside `root`, or undefined. Shared by the `app://`
 * protocol handler and the browser harness. Refuses anything that could leave `root` once decoded (`..`,
 * `%2e%2e`, encoded separators, NUL, absolute or drive paths) and dotfiles.
 */
export function resolveAsset(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (rel.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return undefined;
  const full = normalize(join(root, rel));
  const inside = relative(normalize(root), full);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
  return full;
}
