import type { SessionState } from '../../../../shared/contract/session';
import { TruncatedText } from '../../ui/truncated-text';
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
      {session === undefined ? 'Loading…' : workspace ? <TruncatedText text={`${workspace.label} (${KIND_TEXT[workspace.kind]}) — ${workspace.url}`} /> : 'None selected'}
    </Fact>
  );
}
