import type { SandboxSetup, WorkspaceChoices } from '../../../../shared/contract/auth';

export interface SandboxPanelProps {
  readonly status: WorkspaceChoices['sandbox'] | undefined;
  readonly setup: SandboxSetup | undefined;
  readonly onStart: () => void;
  readonly starting: boolean;
}

/** The local sandbox workspace: start it, then sign in as one of its demo users on its login page. */
export function SandboxPanel({ status, setup, onStart, starting }: SandboxPanelProps) {
  if (status && !status.available) return <p className="notice">{status.reason}</p>;
  if (!setup) {
    return (
      <div className="auth-sandbox">
        <p>A Databricks-like workspace on this computer, for trying every step without an account. Its certificate is trusted for this session only.</p>
        <button type="button" className="button" aria-busy={starting} onClick={() => (starting ? undefined : onStart())} data-testid="start-sandbox">
          {starting ? 'Starting the sandbox…' : 'Start the local sandbox'}
        </button>
      </div>
    );
  }
  return (
    <div className="auth-sandbox" data-testid="sandbox-ready">
      <p>
        The sandbox runs at <code>{setup.url}</code>. Its app connection (<code>{setup.clientId}</code>) and redirect URLs are filled in for you.
      </p>
      <details>
        <summary>Demo users for the sandbox's sign-in page</summary>
        <table className="auth-demo-users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Email</th>
              <th scope="col">Sandbox password</th>
            </tr>
          </thead>
          <tbody>
            {setup.demoUsers.map((u) => (
              <tr key={u.userName}>
                <td>{u.displayName}</td>
                <td>
                  <code>{u.userName}</code>
                </td>
                <td>
                  <code>{u.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
