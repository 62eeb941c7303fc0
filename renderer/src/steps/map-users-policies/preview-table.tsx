import type { PolicyPreview } from '../../../../shared/contract/policies';

type Cell = PolicyPreview['rows'][number][number];
const show = (v: Cell): string => (v === null ? 'NULL' : String(v));

export interface PreviewTableProps {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Masked columns are marked in the header and on each cell. */
  readonly masked?: readonly string[];
  readonly testId: string;
}

/** Rows as a table; masked columns marked (a word, not only a colour). */
export function PreviewTable({ caption, columns, rows, masked = [], testId }: PreviewTableProps) {
  return (
    <div className="mp-preview__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="mp-preview__table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={masked.includes(c) ? 'is-masked' : undefined}>
                {c}
                {masked.includes(c) ? <span className="mp-preview__tag"> (masked)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={masked.includes(columns[j]!) ? 'is-masked' : undefined} data-masked={masked.includes(columns[j]!) ? 'true' : undefined}>
                  {show(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
