import { MEASURES, type ChartRow, type MeasureId } from './coverage-data';

export interface CoverageTableProps {
  readonly rows: readonly ChartRow[];
  /** "Catalog" or "Schema". */
  readonly nameHeader: string;
  readonly caption: string;
  readonly onDrill: (name: string, measure: MeasureId, part: 'covered' | 'uncovered') => void;
  /** At the catalog level: open a catalog's schemas. */
  readonly onOpen?: ((name: string) => void) | undefined;
}

/** The chart's numbers as a table; every count is a button to the objects behind it (the keyboard way to drill down). */
export function CoverageTable({ rows, nameHeader, caption, onDrill, onOpen }: CoverageTableProps) {
  return (
    <div className="table-wrap pc-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="pc-table" data-testid="coverage-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="pc-num">
              Tables
            </th>
            {MEASURES.map((m) => (
              <th key={m.id} scope="col">
                {m.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-name={r.name}>
              <th scope="row" className="wrap-anywhere">
                {onOpen ? (
                  <button type="button" className="pc-link" onClick={() => onOpen(r.name)} aria-label={`${r.name}, per schema`} data-testid="coverage-open">
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
              </th>
              <td className="pc-num">{r.row.tables}</td>
              {MEASURES.map((m) => {
                const done = r.covered[m.id].count;
                const not = r.uncovered[m.id].count;
                return (
                  <td key={m.id} className="pc-count">
                    <button type="button" className="pc-link" onClick={() => onDrill(r.name, m.id, 'covered')} aria-label={`${done} ${m.coveredWords} in ${r.name}`} data-testid={`coverage-count-${m.id}-covered`} disabled={done === 0}>
                      {done}
                    </button>
                    <span className="pc-count__of"> of {done + not}</span>
                    {not > 0 ? (
                      <button type="button" className="pc-link pc-count__not" onClick={() => onDrill(r.name, m.id, 'uncovered')} aria-label={`${not} not: ${m.uncoveredWords} in ${r.name}`} data-testid={`coverage-count-${m.id}-uncovered`}>
                        {not} not
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
