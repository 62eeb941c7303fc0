import { Disclosure } from '../../../ui/disclosure';
import { Button } from '../../../ui/button';
import { edgeLabel } from './lineage-flow';
import type { LineageFocus, LineageModel } from './lineage-model';

/**
 * The graph in words, for screen readers and anyone who prefers a list: every link, each with a way to pick it and
 * read its column lineage. Tables without links are named too (a table may have no recorded lineage).
 */
export function LineageEdgeList({ model, onColumns }: { readonly model: LineageModel; readonly onColumns: (focus: LineageFocus) => void }) {
  const linked = new Set(model.edges.flatMap((e) => [e.source, e.target]));
  const alone = model.nodes.filter((n) => !linked.has(n.fullName));
  return (
    <Disclosure summary={`The graph as a list: ${model.nodes.length} tables, ${model.edges.length} links`} testId="lineage-edges">
      {model.edges.length === 0 ? <p>No links: no lineage is recorded around {model.root}.</p> : null}
      <ul className="pc-edge-list">
        {model.edges.map((e) => (
          <li key={`${e.source}>${e.target}`} className="pc-edge-list__item">
            <span className="wrap-anywhere">{edgeLabel(e)}</span>
            <Button className="button pc-button-small" onClick={() => onColumns({ kind: 'edge', source: e.source, target: e.target })} aria-label={`Columns: ${e.source} to ${e.target}`}>
              Columns
            </Button>
          </li>
        ))}
      </ul>
      {alone.length > 0 ? <p className="wrap-anywhere">Without links: {alone.map((n) => n.fullName).join(', ')}.</p> : null}
    </Disclosure>
  );
}
