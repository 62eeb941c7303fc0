import { useMemo, useState } from 'react';
import { useLineageAround, useMetadataSnapshot } from '../../../api/hooks/metadata-pictures';
import { toAppError } from '../../../api/client-error';
import { ErrorView } from '../../../errors/error-view';
import { PictureSection } from './picture-section';
import { LineageColumns } from './lineage-columns';
import { LineageEdgeList } from './lineage-edge-list';
import { LineageFocusPanel } from './lineage-focus-panel';
import { LineageGraph } from './lineage-graph';
import { mergeLineage, type LineageFocus } from './lineage-model';
import { LineagePicker } from './lineage-picker';
import './lineage.css';

export interface LineageViewProps {
  /** The table picked elsewhere in the step (full name); the graph starts there. */
  readonly table?: string | undefined;
  /** Told when the user picks a table here, so the step's picker can follow. */
  readonly onPickTable?: ((fullName: string) => void) | undefined;
}

interface Drawing {
  readonly root: string;
  readonly depth: number;
  /** Tables asked around after the root, in the order the user expanded them. */
  readonly expanded: readonly string[];
  readonly focus: LineageFocus | null;
  readonly columnsOf: LineageFocus | null;
}

const start = (root: string, depth: number): Drawing => ({ root, depth, expanded: [], focus: { kind: 'node', fullName: root }, columnsOf: null });

/** Upstream and downstream tables of a picked table, expandable table by table, with column lineage on demand. */
export function LineageView({ table, onPickTable }: LineageViewProps) {
  const status = useMetadataSnapshot();
  const [depth, setDepth] = useState(1);
  const [drawing, setDrawing] = useState<Drawing | null>(table ? start(table, 1) : null);
  // A new pick in the step's tree starts a new picture (the React way to follow a prop: compare while rendering).
  const [followed, setFollowed] = useState(table);
  if (table !== followed) {
    setFollowed(table);
    if (table) setDrawing(start(table, depth));
  }
  const asks = useMemo(() => (drawing ? [{ table: drawing.root, depth: drawing.depth }, ...drawing.expanded.map((t) => ({ table: t, depth: 1 }))] : []), [drawing]);
  const lineage = useLineageAround(asks);
  const model = useMemo(() => (drawing ? mergeLineage(drawing.root, lineage.answers) : null), [drawing, lineage.answers]);

  const pick = (fullName: string) => {
    setDrawing(start(fullName, depth));
    onPickTable?.(fullName);
  };
  const update = (change: Partial<Drawing>) => setDrawing((d) => (d ? { ...d, ...change } : d));
  const rootError = lineage.errors.find((e) => e.around === drawing?.root);
  const expandError = lineage.errors.find((e) => e.around !== drawing?.root);

  return (
    <PictureSection
      title="Lineage"
      testId="lineage-view"
      lead="Which tables feed a table and which it feeds, from Unity Catalog's lineage system tables as of the last crawl. Pick a table or a link in the graph (Tab, then Enter) to expand it or to see its column lineage; dashed boxes are not expanded yet."
    >
      {status.data && status.data.snapshot === null ? (
        <p className="notice" data-testid="lineage-needs-crawl">
          Crawl the workspace first (Crawl): the graph is drawn from the crawl’s lineage.
        </p>
      ) : null}
      <LineagePicker
        onPick={pick}
        depth={depth}
        onDepth={(d) => {
          setDepth(d);
          // More or fewer hops redraws the table shown, from scratch.
          if (drawing) setDrawing(start(drawing.root, d));
        }}
      />
      {drawing && rootError ? <ErrorView action="Lineage" error={toAppError(rootError.error)} /> : null}
      {drawing && !model?.nodes.length && !rootError ? <p className="loading">Reading the lineage of {drawing.root}…</p> : null}
      {model && model.nodes.length > 0 && drawing ? (
        <div className="pc-lineage">
          <p className="pc-lineage__summary" aria-live="polite" data-testid="lineage-summary">
            {model.nodes.length} tables and {model.edges.length} links around <strong>{model.root}</strong>
            {model.edges.length === 0 ? ' — no lineage is recorded for it.' : '.'}
          </p>
          <LineageGraph model={model} focus={drawing.focus} onFocus={(focus) => update({ focus })} />
          {expandError ? <ErrorView action="Expand lineage" error={toAppError(expandError.error)} /> : null}
          {drawing.focus ? (
            <LineageFocusPanel
              model={model}
              focus={drawing.focus}
              expanding={lineage.pending}
              onExpand={(t) => update({ expanded: drawing.expanded.includes(t) || t === drawing.root ? drawing.expanded : [...drawing.expanded, t] })}
              onColumns={(f) => update({ focus: f, columnsOf: f })}
              onReroot={(t) => setDrawing(start(t, depth))}
              onPickTable={onPickTable}
            />
          ) : null}
          {drawing.columnsOf ? <LineageColumns focus={drawing.columnsOf} /> : null}
          <LineageEdgeList model={model} onColumns={(f) => update({ focus: f, columnsOf: f })} />
        </div>
      ) : null}
    </PictureSection>
  );
}
