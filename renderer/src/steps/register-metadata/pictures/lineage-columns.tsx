import { useColumnLineage } from '../../../api/hooks/metadata-pictures';
import { toAppError } from '../../../api/client-error';
import { ErrorView } from '../../../errors/error-view';
import { columnEdgesFor, columnLineageTable, type LineageFocus } from './lineage-model';

const focusName = (f: LineageFocus): string => (f.kind === 'node' ? f.fullName : `${f.source} → ${f.target}`);

/** Column lineage of a picked table or link, read on demand (the graph itself asks for table lineage only). */
export function LineageColumns({ focus }: { readonly focus: LineageFocus }) {
  const answer = useColumnLineage(columnLineageTable(focus));
  if (answer.error) return <ErrorView action="Column lineage" error={toAppError(answer.error)} />;
  if (!answer.data) return <p className="loading" data-testid="lineage-columns-loading">Reading column lineage…</p>;
  const rows = columnEdgesFor(focus, answer.data.columnEdges);
  const caption = `Column lineage of ${focusName(focus)}`;
  if (rows.length === 0) {
    return (
      <p className="notice" data-testid="lineage-columns" data-count={0}>
        No column lineage is recorded for {focusName(focus)}. Databricks records it for columns a query read and wrote
        (views and some functions are not traced).
      </p>
    );
  }
  return (
    <div className="table-wrap pc-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="pc-table" data-testid="lineage-columns" data-count={rows.length}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">From column</th>
            <th scope="col">To column</th>
            <th scope="col" className="pc-num">
              Runs
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.source}.${c.sourceColumn}>${c.target}.${c.targetColumn}`}>
              <td className="wrap-anywhere">
                {c.source}.<strong>{c.sourceColumn}</strong>
              </td>
              <td className="wrap-anywhere">
                {c.target}.<strong>{c.targetColumn}</strong>
              </td>
              <td className="pc-num">{c.events}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
