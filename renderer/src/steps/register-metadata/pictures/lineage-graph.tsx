import { Controls, ReactFlow, useNodesInitialized, useReactFlow, type EdgeChange, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import { toFlow, type TableFlowNode } from './lineage-flow';
import type { LineageFocus, LineageModel } from './lineage-model';
import { LineageTableNode } from './lineage-table-node';

const NODE_TYPES: NodeTypes = { table: LineageTableNode };

export interface LineageGraphProps {
  readonly model: LineageModel;
  readonly focus: LineageFocus | null;
  readonly onFocus: (focus: LineageFocus | null) => void;
}

/** Zooms to the whole graph whenever tables are added (an expansion), once React Flow has measured them. */
function FitOnGrowth({ signature }: { readonly signature: string }) {
  const flow = useReactFlow();
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured) void flow.fitView({ padding: 0.12, maxZoom: 1.1 });
  }, [flow, measured, signature]);
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
        fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
        minZoom={0.2}
        maxZoom={2}
        zoomOnScroll={false}
        preventScrolling={false}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to pick this table; Tab moves to the next one.', 'edge.a11yDescription.default': 'Press Enter to pick this link.' }}
      >
        <Controls showInteractive={false} position="top-right" />
        <FitOnGrowth signature={signature} />
      </ReactFlow>
    </div>
  );
}
