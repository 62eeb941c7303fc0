import type { Candidate, PrincipalType } from '../../../shared/contract/users';
import type { DirectoryPrincipal } from '../../../shared/users/directory';

/**
 * The principal search behind a manual choice: principals of the directory (of one type, when given) whose Unity
 * Catalog name, display name or an email contains the text, case-insensitively; names that start with it first, then
 * by name. Searches the directory main read, never SCIM again: a search per keystroke must not cost a request.
 */
export function searchPrincipals(principals: readonly DirectoryPrincipal[], query: string, type: PrincipalType | undefined, limit: number): Candidate[] {
  const needle = query.trim().toLowerCase();
  const hits: { p: DirectoryPrincipal; starts: boolean }[] = [];
  for (const p of principals) {
    if (type !== undefined && p.type !== type) continue;
    const name = p.name.toLowerCase();
    const texts = [name, (p.displayName ?? '').toLowerCase(), ...p.emails.map((e) => e.toLowerCase())];
    if (needle !== '' && !texts.some((t) => t.includes(needle))) continue;
    hits.push({ p, starts: needle !== '' && texts.some((t) => t.startsWith(needle)) });
  }
  hits.sort((a, b) => Number(b.starts) - Number(a.starts) || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
  return hits.slice(0, limit).map(({ p }) => ({ principal: p.name, principalType: p.type, displayName: p.displayName ?? p.name, active: p.active }));
}
