import { Controls, getViewportForBounds, ReactFlow, useReactFlow, useStore, type EdgeChange, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import { toFlow, type TableFlowNode } from './lineage-flow';
import type { LineageFocus, LineageModel } from './lineage-model';
import { LineageTableNode } from './lineage-table-node';

const NODE_TYPES: NodeTypes = { table: LineageTableNode };
const FIT = { padding: 0.12, maxZoom: 1.1 } as const;
const MIN_ZOOM = 0.2;

export interface LineageGraphProps {
  readonly model: LineageModel;
  readonly focus: LineageFocus | null;
  readonly onFocus: (focus: LineageFocus | null) => void;
}

/**
 * Zooms to the whole graph whenever tables are added (an expansion) or the pane changes size (a narrower window).
 * Every box has a fixed size, so the bounds need no measuring. The viewport is computed here rather than with
 * fitView, which in controlled mode waits for the next change of the nodes, and a resize changes none.
 */
function FitToPane({ signature }: { readonly signature: string }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    const nodes = flow.getNodes();
    if (nodes.length === 0 || width === 0 || height === 0) return;
    const bounds = flow.getNodesBounds(nodes);
    void flow.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT.maxZoom, FIT.padding));
  }, [flow, signature, width, height]);
  return null;
}

/**
 * The graph (React Flow, laid out by dagre in toFlow). Selection is the view's: React Flow's select changes (a
 * click, or Enter/Space on a focused table or link) are turned into a focus; nothing can be moved, connected or
 * deleted.
 */
export function LineageGraph({ model, focus, onFocus }: LineageGraphProps) {
  const flow = useMemo(() => toFlow(model, focus), [model, focus]);
  const signature = useMemo(() => model.nodes.map((n) => n.fullName).join('\u0000'), [model]);
  const onNodesChange = (changes: NodeChange<TableFlowNode>[]) => {
    const picked = changes.find((c) => c.type === 'select' && c.selected);
    if (picked && picked.type === 'select') onFocus({ kind: 'node', fullName: picked.id });
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    const picked = changes.find((c) => c.type === 'select' && c.selected);
    const edge = picked ? flow.edges.find((e) => e.id === (picked as { id: string }).id) : undefined;
    if (edge) onFocus({ kind: 'edge', source: edge.source, target: edge.target });
  };
  return (
    <div className="pc-lineage__flow" data-testid="lineage-graph">
      <ReactFlow<TableFlowNode>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        nodesFocusable
        edgesFocusable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        fitViewOptions={FIT}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        zoomOnScroll={false}
        preventScrolling={false}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to pick this table; Tab moves to the next one.', 'edge.a11yDescription.default': 'Press Enter to pick this link.' }}
      >
        <Controls showInteractive={false} position="top-right" />
        <FitToPane signature={signature} />
      </ReactFlow>
    </div>
  );
}
