import { tokenizeSql } from '../../../renderer/src/steps/configure-integration/sql-tokens';

/**
 * A script's statements, split on the semicolons that end them (never one inside a quoted name, a literal or a
 * comment), with comment-only pieces dropped: what a colleague's SQL editor would run one by one.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const token of tokenizeSql(script)) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'punctuation' && token.text.includes(';')) {
      const [before, ...rest] = token.text.split(';');
      statements.push(current + before);
      current = rest.join(';');
    } else current += token.text;
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter(Boolean);
}
