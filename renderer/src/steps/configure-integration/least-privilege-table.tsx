import { useMemo } from 'react';
import type { IntegrationConfig } from '../../../../shared/integration/config';
import { leastPrivilegeRows } from '../../../../shared/integration/least-privilege';

const WHO = { installer: 'You (installer)', 'service-principal': 'Service principal' } as const;

/** Who needs which privilege, on what, and why: from the same grant list the planner turns into GRANTs. */
export function LeastPrivilegeTable({ config }: { readonly config: IntegrationConfig }) {
  const rows = useMemo(() => leastPrivilegeRows(config), [config]);
  return (
    <div className="ci-table-wrap">
      <table className="ci-table" data-testid="ci-least-privilege-table">
        <caption className="visually-hidden">Least privilege: who needs what, and why</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Privilege</th>
            <th scope="col">On</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.who}|${r.privilege}|${r.on}|${r.target}`} data-who={r.who}>
              <td>{WHO[r.who]}</td>
              <th scope="row">
                <code>{r.privilege}</code>
              </th>
              <td>
                {r.on}
                {r.target !== 'main' ? <span className="ci-muted"> in {r.target}</span> : null}
              </td>
              <td>{r.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
