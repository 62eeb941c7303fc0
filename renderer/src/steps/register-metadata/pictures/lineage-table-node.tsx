import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TableFlowNode } from './lineage-flow';

/**
 * One table in the graph. React Flow's wrapper around it is the focusable element (role group, its aria-label says
 * the whole name, where it sits and whether it was expanded; Enter selects it), so nothing inside is focusable.
 * A dashed border marks a table whose own neighbours were not asked for yet.
 */
export function LineageTableNode({ data, selected }: NodeProps<TableFlowNode>) {
  const kind = data.indexed ? (data.tableType ?? 'table') : 'not in the crawl';
  return (
    <div
      className={`pc-node${data.root ? ' is-root' : ''}${data.expanded ? '' : ' is-unexpanded'}${selected ? ' is-selected' : ''}${data.indexed ? '' : ' is-foreign'}`}
      data-testid="lineage-node"
      data-name={data.fullName}
      data-expanded={data.expanded}
      title={data.fullName}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="pc-node__parent">{data.parent}</span>
      <span className="pc-node__table">{data.table}</span>
      <span className="pc-node__meta">{kind.toLowerCase().replaceAll('_', ' ')}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
