/**
 * Object names in a policy file are dotted (`main.sales.customers.email`). A part that itself contains a dot or a
 * backtick is written in backticks with inner backticks doubled, as in Databricks SQL (reference §0.1, R19), so
 * every name Unity Catalog allows can be written. Returns the parts, or a reason the text is not a name.
 */
export function splitDottedName(text: string): { readonly parts: readonly string[] } | { readonly problem: string } {
  const parts: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let part = '';
    if (text[i] === '`') {
      i++;
      for (;;) {
        if (i >= text.length) return { problem: 'a backtick-quoted part is not closed' };
        if (text[i] === '`') {
          if (text[i + 1] === '`') {
            part += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += text[i++];
      }
      if (i < text.length && text[i] !== '.') return { problem: 'a backtick-quoted part must be followed by a dot or the end' };
    } else {
      while (i < text.length && text[i] !== '.') {
        if (text[i] === '`') return { problem: 'a backtick may only start or end a quoted part' };
        part += text[i++];
      }
    }
    if (part.length === 0) return { problem: 'a part of the name is empty' };
    parts.push(part);
    i++;
  }
  return { parts };
}

/** The dotted form back, quoting only the parts that need it (so `splitDottedName(joinDottedName(p))` is `p`). */
export function joinDottedName(parts: readonly string[]): string {
  return parts.map((p) => (/^[^.`]+$/.test(p) ? p : '`' + p.replaceAll('`', '``') + '`')).join('.');
}
