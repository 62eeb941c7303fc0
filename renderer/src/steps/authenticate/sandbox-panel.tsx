import type { SandboxSetup, WorkspaceChoices } from '../../../../shared/contract/auth';
import { Disclosure } from '../../ui/disclosure';

export interface SandboxPanelProps {
  readonly status: WorkspaceChoices['sandbox'] | undefined;
  readonly setup: SandboxSetup | undefined;
  readonly onStart: () => void;
  readonly starting: boolean;
}

/** The local sandbox workspace: start it (unless it runs), then sign in as one of its demo users on its login page. */
export function SandboxPanel({ status, setup, onStart, starting }: SandboxPanelProps) {
  if (status && !status.available) return <p className="notice">{status.reason}</p>;
  if (!setup) {
    return (
      <div className="auth-sandbox">
        <p>A Databricks-like workspace on this computer, for trying every step without an account. Its certificate is trusted for this session only.</p>
        {/* Only offered while it is not running: a running sandbox is filled in (the form asks main for it). */}
        <button type="button" className="button" aria-busy={starting} onClick={() => (starting ? undefined : onStart())} data-testid="start-sandbox">
          {starting ? 'Starting the sandbox…' : status?.running ? 'Use the running sandbox' : 'Start the local sandbox'}
        </button>
      </div>
    );
  }
  return (
    <div className="auth-sandbox" data-testid="sandbox-ready">
      <p className="wrap-anywhere">
        The sandbox runs at <code>{setup.url}</code>. Its app connection (<code>{setup.clientId}</code>) and redirect URLs are filled in for you.
      </p>
      <Disclosure summary="Demo users for the sandbox's sign-in page" testId="demo-users">
        <div className="table-wrap">
          <table className="auth-demo-users">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Email</th>
                <th scope="col">Sandbox password</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {setup.demoUsers.map((u) => (
                <tr key={u.userName} data-admin={u.admin}>
                  <td>{u.displayName}</td>
                  <td>
                    <code>{u.userName}</code>
                  </td>
                  <td>
                    <code>{u.password}</code>
                  </td>
                  <td>{u.admin ? <span className="badge">workspace admin</span> : 'user'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="auth-muted">Sign in as a workspace admin to set the integration up in step 2.</p>
      </Disclosure>
    </div>
  );
}
