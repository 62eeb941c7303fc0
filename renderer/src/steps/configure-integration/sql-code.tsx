import { useMemo } from 'react';
import { tokenizeSql } from './sql-tokens';

/** A statement with its keywords, quoted names, literals and comments coloured (and the text unchanged). */
export function SqlCode({ sql, label }: { readonly sql: string; readonly label?: string }) {
  const tokens = useMemo(() => tokenizeSql(sql), [sql]);
  return (
    // Focusable so keyboard users can scroll a long statement sideways (axe: scrollable-region-focusable).
    <pre className="ci-sql" tabIndex={0} aria-label={label ?? 'SQL statement'}>
      <code>
        {tokens.map((t, i) =>
          t.kind === 'space' || t.kind === 'word' ? (
            t.text
          ) : (
            <span key={i} className={`ci-sql__${t.kind}`}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
