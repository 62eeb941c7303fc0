import type { LineageGraph } from '../../../../../shared/metadata/index-views';

export type LineageNode = LineageGraph['nodes'][number];
export type LineageEdge = LineageGraph['edges'][number];
export type ColumnEdge = LineageGraph['columnEdges'][number];

/** One answer of the `lineage` channel and the table it was asked around. */
export interface LineageAnswer {
  readonly around: string;
  readonly graph: LineageGraph;
}

export interface ModelNode {
  readonly fullName: string;
  readonly indexed: boolean;
  readonly tableType: string | null;
  /** Hops from the picked table: negative upstream, positive downstream, 0 the picked table itself. */
  readonly distance: number;
  /** Asked around already: expanding it again would add nothing. */
  readonly expanded: boolean;
}

/** The graph shown: the picked table's neighbourhood plus every neighbourhood the user expanded. */
export interface LineageModel {
  readonly root: string;
  readonly nodes: readonly ModelNode[];
  readonly edges: readonly LineageEdge[];
}

const edgeKey = (e: { readonly source: string; readonly target: string }): string => `${e.source}\u0000${e.target}`;

/**
 * Folds the answers (the root's first, then each expansion in the order asked) into one graph. The channel gives
 * distances relative to the table asked around, so an expansion's nodes are placed relative to that table's own
 * distance; a node already placed keeps its place (the earlier answer reached it by a path at least as short).
 * An answer around a table the graph does not hold (yet) is left out: it cannot be placed.
 */
export function mergeLineage(root: string, answers: readonly LineageAnswer[]): LineageModel {
  const nodes = new Map<string, { node: LineageNode; distance: number }>();
  const edges = new Map<string, LineageEdge>();
  const expanded = new Set<string>();
  for (const { around, graph } of answers) {
    const base = around === root ? 0 : nodes.get(around)?.distance;
    if (base === undefined) continue;
    expanded.add(around);
    for (const n of graph.nodes) {
      const known = nodes.get(n.fullName);
      // A table seen once as "not indexed" and then as indexed (or the reverse) cannot happen within one snapshot.
      if (!known) nodes.set(n.fullName, { node: n, distance: base + n.distance });
    }
    for (const e of graph.edges) edges.set(edgeKey(e), e);
  }
  if (!nodes.has(root) && answers.some((a) => a.around === root)) nodes.set(root, { node: { fullName: root, indexed: false, tableType: null, distance: 0 }, distance: 0 });
  return {
    root,
    nodes: [...nodes.values()]
      .map(({ node, distance }) => ({ fullName: node.fullName, indexed: node.indexed, tableType: node.tableType, distance, expanded: expanded.has(node.fullName) }))
      .sort((a, b) => a.distance - b.distance || a.fullName.localeCompare(b.fullName)),
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)).sort((a, b) => edgeKey(a).localeCompare(edgeKey(b))),
  };
}

/** What the user picked in the graph: a table, or one edge between two tables. */
export type LineageFocus = { readonly kind: 'node'; readonly fullName: string } | { readonly kind: 'edge'; readonly source: string; readonly target: string };

/** The table whose column lineage answers the focus: the node itself, or an edge's source (its answer holds the edge). */
export const columnLineageTable = (focus: LineageFocus): string => (focus.kind === 'node' ? focus.fullName : focus.source);

/** The column edges that belong to the focus, from an answer asked with `columns: true` around columnLineageTable. */
export function columnEdgesFor(focus: LineageFocus, columnEdges: readonly ColumnEdge[]): readonly ColumnEdge[] {
  const keep =
    focus.kind === 'node'
      ? (c: ColumnEdge) => c.source === focus.fullName || c.target === focus.fullName
      : (c: ColumnEdge) => c.source === focus.source && c.target === focus.target;
  return columnEdges
    .filter(keep)
    .slice()
    .sort((a, b) => `${a.source}.${a.sourceColumn}>${a.target}.${a.targetColumn}`.localeCompare(`${b.source}.${b.sourceColumn}>${b.target}.${b.targetColumn}`));
}

/** Splits `catalog.schema.table` for display; names with dots inside a part come back whole in `table`. */
export function splitFullName(fullName: string): { readonly parent: string; readonly table: string } {
  const parts = fullName.split('.');
  if (parts.length !== 3) return { parent: '', table: fullName };
  return { parent: `${parts[0]}.${parts[1]}`, table: parts[2]! };
}

/** "2 hops upstream", "the picked table", "1 hop downstream". */
export function describeDistance(distance: number): string {
  if (distance === 0) return 'the picked table';
  const hops = Math.abs(distance);
  return `${hops} ${hops === 1 ? 'hop' : 'hops'} ${distance < 0 ? 'upstream' : 'downstream'}`;
}
