import { Columns3, Expand, LocateFixed, MousePointerClick } from 'lucide-react';
import { Button } from '../../../ui/button';
import { describeDistance, type LineageEdge, type LineageFocus, type LineageModel } from './lineage-model';

export interface LineageFocusPanelProps {
  readonly model: LineageModel;
  readonly focus: LineageFocus;
  /** Tables being asked around right now. */
  readonly expanding: readonly string[];
  readonly onExpand: (fullName: string) => void;
  readonly onColumns: (focus: LineageFocus) => void;
  readonly onReroot: (fullName: string) => void;
  readonly onPickTable?: ((fullName: string) => void) | undefined;
}

const when = (ms: number | null): string => (ms === null ? 'unknown' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

function EdgeFacts({ edge }: { readonly edge: LineageEdge }) {
  return (
    <dl className="pairs">
      <dt>From</dt>
      <dd>{edge.source}</dd>
      <dt>To</dt>
      <dd>{edge.target}</dd>
      <dt>Runs seen</dt>
      <dd>{edge.events}</dd>
      <dt>Last run (UTC)</dt>
      <dd>{when(edge.lastAt)}</dd>
    </dl>
  );
}

/** What is picked in the graph, and what can be done from there: expand, column lineage, start over from it. */
export function LineageFocusPanel({ model, focus, expanding, onExpand, onColumns, onReroot, onPickTable }: LineageFocusPanelProps) {
  if (focus.kind === 'edge') {
    const edge = model.edges.find((e) => e.source === focus.source && e.target === focus.target);
    if (!edge) return null;
    return (
      <div className="pc-focus" data-testid="lineage-focus" aria-live="polite">
        <h4 className="pc-focus__title">Link picked</h4>
        <EdgeFacts edge={edge} />
        <div className="pc-actions">
          <Button className="button" onClick={() => onColumns(focus)} data-testid="lineage-show-columns">
            <Columns3 size={16} aria-hidden="true" /> Show column lineage
          </Button>
        </div>
      </div>
    );
  }
  const node = model.nodes.find((n) => n.fullName === focus.fullName);
  if (!node) return null;
  const busy = expanding.includes(node.fullName);
  return (
    <div className="pc-focus" data-testid="lineage-focus" aria-live="polite">
      <h4 className="pc-focus__title wrap-anywhere">{node.fullName}</h4>
      <dl className="pairs">
        <dt>Where</dt>
        <dd>{describeDistance(node.distance)}</dd>
        <dt>Kind</dt>
        <dd>{node.indexed ? (node.tableType ?? 'table') : 'Not in the crawl (another metastore, or not visible to you)'}</dd>
      </dl>
      <div className="pc-actions">
        <Button
          className="button"
          onClick={() => onExpand(node.fullName)}
          busy={busy}
          disabledReason={node.expanded && !busy ? 'Already expanded: its neighbours are in the graph.' : undefined}
          data-testid="lineage-expand"
        >
          <Expand size={16} aria-hidden="true" /> {busy ? 'Expanding…' : 'Expand around this table'}
        </Button>
        <Button className="button" onClick={() => onColumns(focus)} data-testid="lineage-show-columns">
          <Columns3 size={16} aria-hidden="true" /> Show column lineage
        </Button>
        {node.fullName !== model.root ? (
          <Button className="button" onClick={() => onReroot(node.fullName)}>
            <LocateFixed size={16} aria-hidden="true" /> Start from this table
          </Button>
        ) : null}
        {onPickTable && node.indexed ? (
          <Button className="button" onClick={() => onPickTable(node.fullName)}>
            <MousePointerClick size={16} aria-hidden="true" /> Pick in the tree
          </Button>
        ) : null}
      </div>
    </div>
  );
}
