import dagre from '@dagrejs/dagre';

/** The size every table box is drawn at (CSS keeps the box to it; long names are cut with an ellipsis). */
export const NODE_WIDTH = 216;
export const NODE_HEIGHT = 58;

export interface Placed {
  /** Top-left corner, as React Flow positions nodes. */
  readonly x: number;
  readonly y: number;
}

export interface LineageLayout {
  readonly positions: ReadonlyMap<string, Placed>;
  readonly width: number;
  readonly height: number;
}

/**
 * Places the tables left to right in the direction data flows (upstream left, downstream right) with dagre's
 * layered layout (https://github.com/dagrejs/dagre/wiki). Inputs are sorted first so the same graph is always drawn
 * the same way, whatever order the answers came in.
 */
export function layoutLineage(nodeIds: readonly string[], edges: readonly { readonly source: string; readonly target: string }[]): LineageLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 72, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = [...nodeIds].sort();
  for (const id of ids) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const known = new Set(ids);
  for (const e of [...edges].sort((a, b) => `${a.source} ${a.target}`.localeCompare(`${b.source} ${b.target}`))) {
    // A self-loop (a table rewritten from itself) says nothing about placement.
    if (known.has(e.source) && known.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
  }
  dagre.layout(g);
  const positions = new Map<string, Placed>();
  for (const id of ids) {
    const n = g.node(id);
    // dagre gives centres; React Flow wants top-left corners.
    positions.set(id, { x: n.x! - NODE_WIDTH / 2, y: n.y! - NODE_HEIGHT / 2 });
  }
  const label = g.graph();
  return { positions, width: label.width ?? 0, height: label.height ?? 0 };
}
