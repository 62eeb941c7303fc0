import { useMemo } from 'react';
import type { IntegrationConfig } from '../../../../shared/integration/config';
import { leastPrivilegeRows, type LeastPrivilegeRow } from '../../../../shared/integration/least-privilege';
import { Disclosure } from '../../ui/disclosure';

const WHO = { installer: 'You (installer)', 'service-principal': 'Service principal' } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The one line shown while the table is closed: how many privileges, and for whom. */
export function privilegeSummary(rows: readonly LeastPrivilegeRow[]): string {
  const mine = rows.filter((r) => r.who === 'installer').length;
  return `${plural(rows.length, 'privilege', 'privileges')}: ${mine} for you (installer), ${rows.length - mine} for the service principal`;
}

/**
 * Who needs which privilege, on what, and why: from the same grant list the planner turns into GRANTs. Collapsed
 * behind its summary (some twenty rows would push everything after it off a laptop screen); the table is only
 * rendered once opened.
 */
export function LeastPrivilegeTable({ config }: { readonly config: IntegrationConfig }) {
  const rows = useMemo(() => leastPrivilegeRows(config), [config]);
  return (
    <Disclosure summary={privilegeSummary(rows)} testId="ci-least-privilege-details">
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
                <td className="ci-wrap">
                  {r.on}
                  {r.target !== 'main' ? <span className="ci-muted"> in {r.target}</span> : null}
                </td>
                <td>{r.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Disclosure>
  );
}
