import type { SessionState } from '../../../../shared/contract/session';
import { Fact } from './fact';

const KIND_TEXT: Readonly<Record<NonNullable<SessionState['workspace']>['kind'], string>> = {
  workspace: 'Workspace',
  account: 'Account',
  sandbox: 'Local sandbox',
};

export function WorkspaceFact({ session }: { readonly session: SessionState | undefined }) {
  const workspace = session?.workspace;
  return (
    <Fact label="Workspace" testId="fact-workspace">
      {session === undefined ? (
        'Loading…'
      ) : workspace ? (
        <span title={workspace.url}>
          {workspace.label} <span className="fact__aside">({KIND_TEXT[workspace.kind]})</span>
        </span>
      ) : (
        'None selected'
      )}
    </Fact>
  );
}
