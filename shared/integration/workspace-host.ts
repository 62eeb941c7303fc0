/**
 * The host a workspace URL names, lower-case: `https://ADB-1.2.azuredatabricks.net/?o=1` and
 * `adb-1.2.azuredatabricks.net` both give `adb-1.2.azuredatabricks.net` (seed 001 writes workspace URLs without a
 * scheme). Text that is no URL at all is returned trimmed and lower-cased, so the marker tag is still stable.
 */
export function workspaceHost(workspaceUrl: string): string {
  const text = workspaceUrl.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.host !== '') return url.host.toLowerCase();
  } catch {
    // not a URL: fall through
  }
  return text.toLowerCase();
}
