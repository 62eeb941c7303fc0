/** Query audit (on by default): reading who queried what from the system tables, with what it needs. */
export function QueryAuditField({ on, onChange }: { readonly on: boolean; readonly onChange: (on: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="ci-audit" />
      <span>
        <strong>Query audit</strong> — {on ? 'on' : 'off'}
        <br />
        <span className="ci-muted">
          Reads who queried what from the system tables <code>system.access.audit</code>, <code>system.access.table_lineage</code>, <code>system.access.column_lineage</code> and{' '}
          <code>system.query.history</code>. Needs the <code>access</code> and <code>query</code> system schemas enabled (validation checks, and can enable them) and SELECT on those tables for the service principal.
        </span>
      </span>
    </label>
  );
}
