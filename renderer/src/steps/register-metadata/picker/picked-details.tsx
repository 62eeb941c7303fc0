import type { TableDetail } from '../../../../../shared/metadata/index-views';
import { useTableDetail } from '../../../api/hooks/metadata';
import { SelectionBadge } from './selection-badge';

const tagText = (t: { key: string; value: string | null }): string => (t.value ? `${t.key}=${t.value}` : t.key);

function TableFacts({ d }: { readonly d: TableDetail }) {
  const direct = d.grants.filter((g) => g.inheritedFrom === null).length;
  return (
    <dl className="pairs rm-facts" data-testid="rm-table-detail">
      <dt>Type</dt>
      <dd>{d.node.tableType ?? 'unknown'}</dd>
      <dt>Owner</dt>
      <dd className="wrap-anywhere">{d.node.owner ?? 'unknown'}</dd>
      <dt>State</dt>
      <dd>{d.node.selection === null ? 'Not registered by the rules' : <SelectionBadge state={d.node.selection} />}</dd>
      <dt>Tags</dt>
      <dd className="wrap-anywhere">{d.node.tags.length > 0 ? d.node.tags.map(tagText).join(', ') : 'none'}</dd>
      <dt>Grants</dt>
      <dd>
        {d.grants.length} ({direct} on the table, {d.grants.length - direct} inherited)
      </dd>
      <dt>Row filter</dt>
      <dd className="wrap-anywhere">{d.rowFilter ? d.rowFilter.functionName : 'none'}</dd>
      <dt>ABAC policies</dt>
      <dd className="wrap-anywhere">{d.policies.length > 0 ? d.policies.map((p) => p.name).join(', ') : 'none'}</dd>
      <dt>Lineage</dt>
      <dd>
        {d.upstream} upstream, {d.downstream} downstream
      </dd>
      {d.audit ? (
        <>
          <dt>Reads (30 days)</dt>
          <dd>
            {d.audit.reads} by {d.audit.readers} readers
          </dd>
        </>
      ) : null}
      {d.node.comment ? (
        <>
          <dt>Comment</dt>
          <dd className="wrap-anywhere">{d.node.comment}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A picked table's details (grants, filter, policies, lineage counts) from the index. */
export function PickedTableDetails({ table }: { readonly table: readonly [string, string, string] }) {
  const detail = useTableDetail(table);
  if (detail.isPending) return <p className="rm-muted">Loading the table…</p>;
  if (detail.isError) return <p className="notice">The table’s details could not be read: {detail.error.message}</p>;
  return <TableFacts d={detail.data} />;
}
