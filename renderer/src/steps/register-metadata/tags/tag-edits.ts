import type { TagAssignment } from '../../../../../shared/metadata/tags-file';

/**
 * Tags edited in the app, kept as a tags file's entries (`[{"securable", "tags": {…}}]`), one entry per object, so
 * the plan, publish and export take them exactly as they would take a file.
 */
export function setTag(edits: readonly TagAssignment[], securable: string, key: string, value: string): TagAssignment[] {
  const name = securable.trim();
  const k = key.trim();
  const i = edits.findIndex((e) => e.securable === name);
  if (i < 0) return [...edits, { securable: name, tags: { [k]: value } }];
  return edits.map((e, j) => (j === i ? { securable: e.securable, tags: { ...e.tags, [k]: value } } : e));
}

/** Takes one key off an object; an object left with no tags leaves the list. */
export function removeTag(edits: readonly TagAssignment[], securable: string, key: string): TagAssignment[] {
  return edits.flatMap((e) => {
    if (e.securable !== securable) return [e];
    const tags = Object.fromEntries(Object.entries(e.tags).filter(([k]) => k !== key));
    return Object.keys(tags).length === 0 ? [] : [{ securable: e.securable, tags }];
  });
}

/** Every (object, key, value), in the order edited, for the list under the editor. */
export const tagRows = (edits: readonly TagAssignment[]): { securable: string; key: string; value: string }[] =>
  edits.flatMap((e) => Object.entries(e.tags).map(([key, value]) => ({ securable: e.securable, key, value })));
