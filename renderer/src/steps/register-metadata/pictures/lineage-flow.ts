import type { Edge, Node } from '@xyflow/react';
import { layoutLineage, NODE_HEIGHT, NODE_WIDTH } from './lineage-layout';
import { describeDistance, splitFullName, type LineageFocus, type LineageModel, type ModelNode } from './lineage-model';

export type TableNodeData = Pick<ModelNode, keyof ModelNode> & { readonly root: boolean; readonly parent: string; readonly table: string };
export type TableFlowNode = Node<TableNodeData, 'table'>;

/** "main.sales.customers, the picked table, MANAGED, expanded" — what a screen reader says on the focused box. */
export function nodeLabel(n: ModelNode): string {
  const kind = n.indexed ? (n.tableType ?? 'table') : 'not in the crawl';
  return [n.fullName, describeDistance(n.distance), kind, n.expanded ? 'expanded' : 'not expanded yet'].join(', ');
}

export const edgeId = (source: string, target: string): string => `${source}\u2192${target}`;

/** "main.sales.orders feeds analytics.gold.daily_sales (2 runs)". */
export function edgeLabel(e: { readonly source: string; readonly target: string; readonly events: number }): string {
  return `${e.source} feeds ${e.target} (${e.events} ${e.events === 1 ? 'run' : 'runs'})`;
}

/**
 * The model as React Flow nodes and edges, placed by dagre, with the user's focus marked selected (the selection is
 * owned by the view, not by React Flow, so it survives the graph growing). Nodes are not draggable: the layout is
 * the library's, and arrow keys stay free for the page.
 */
export function toFlow(model: LineageModel, focus: LineageFocus | null): { readonly nodes: TableFlowNode[]; readonly edges: Edge[] } {
  const { positions } = layoutLineage(
    model.nodes.map((n) => n.fullName),
    model.edges,
  );
  const nodes = model.nodes.map((n): TableFlowNode => {
    const { parent, table } = splitFullName(n.fullName);
    return {
      id: n.fullName,
      type: 'table',
      position: positions.get(n.fullName) ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { ...n, root: n.fullName === model.root, parent, table },
      draggable: false,
      connectable: false,
      deletable: false,
      selected: focus?.kind === 'node' && focus.fullName === n.fullName,
      ariaLabel: nodeLabel(n),
    };
  });
  const edges = model.edges.map(
    (e): Edge => ({
      id: edgeId(e.source, e.target),
      source: e.source,
      target: e.target,
      deletable: false,
      selected: focus?.kind === 'edge' && focus.source === e.source && focus.target === e.target,
      ariaLabel: edgeLabel(e),
      className: 'pc-lineage__edge',
    }),
  );
  return { nodes, edges };
}
