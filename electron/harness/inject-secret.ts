import { HARNESS_META_NAME } from '../../shared/contract/harness-names';

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Puts the per-run secret into index.html as `<meta name="ucbridge-harness">`, first thing in `<head>`, so the
 * renderer can read it before any script runs. Only same-origin pages can read the served HTML.
 */
export function injectHarnessSecret(html: string, secret: string): string {
  const meta = `<meta name="${HARNESS_META_NAME}" content="${escapeAttribute(secret)}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${meta}\n${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}
