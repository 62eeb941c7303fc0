import { Field } from '../../ui/field';
import { newWorkspaceDraft, type Problems, type WorkspaceDraft } from './form-state';

export interface AdditionalWorkspacesProps {
  readonly rows: readonly WorkspaceDraft[];
  readonly onChange: (rows: readonly WorkspaceDraft[]) => void;
  readonly problems: Problems;
}

/** Further workspaces bound to other catalogs (seed 001's additionalWorkspaceConnections). */
export function AdditionalWorkspaces({ rows, onChange, problems }: AdditionalWorkspacesProps) {
  const update = (key: string, p: Partial<WorkspaceDraft>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));
  return (
    <fieldset className="ci-fieldset" data-testid="ci-additional">
      <legend>Additional workspace connections</legend>
      <p className="ci-muted">Optional. For catalogs bound to other workspaces: the governance product reaches them through that workspace’s warehouse.</p>
      {rows.map((row, i) => (
        <div key={row.key} className="ci-workspace-row" role="group" aria-label={`Additional workspace ${i + 1}`}>
          <Field label={`Workspace ${i + 1} URL`} value={row.workspaceUrl} onChange={(workspaceUrl) => update(row.key, { workspaceUrl })} type="url" placeholder="https://adb-1234567890123456.7.azuredatabricks.net" problem={problems[`additional.${i}.workspaceUrl`]} />
          <Field label={`Workspace ${i + 1} HTTP path`} value={row.httpPath} onChange={(httpPath) => update(row.key, { httpPath })} placeholder="/sql/1.0/warehouses/1234567890abcdef" problem={problems[`additional.${i}.httpPath`]} />
          <Field label={`Workspace ${i + 1} catalogs`} value={row.catalogs} onChange={(catalogs) => update(row.key, { catalogs })} help="Comma-separated." problem={problems[`additional.${i}.catalogs`]} />
          <button type="button" className="button button--quiet" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            Remove workspace {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, newWorkspaceDraft()])}>
        Add a workspace connection
      </button>
    </fieldset>
  );
}
