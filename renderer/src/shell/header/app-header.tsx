import { useAppInfo } from '../../api/hooks/app';
import { useSessionState } from '../../api/hooks/session';
import { useReportQueryError } from '../../errors/use-report-query-error';
import { IdentityFact } from './identity-fact';
import { SecretStorageFact } from './secret-storage-fact';
import { SessionActions } from './session-actions';
import { TokenFact } from './token-fact';
import { WorkspaceFact } from './workspace-fact';
import './header.css';

/** Always visible: which workspace, which identity, token state, where secrets live, and the session actions. */
export function AppHeader() {
  const session = useSessionState();
  const info = useAppInfo();
  useReportQueryError('Load the session', session.error);
  useReportQueryError('Load app information', info.error);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <h1 className="app-header__title">ucbridge</h1>
        <span className="app-header__subtitle">Unity Catalog set-up</span>
      </div>
      <dl className="app-header__facts" aria-label="Connection">
        <WorkspaceFact session={session.data} />
        <IdentityFact session={session.data} />
        <TokenFact session={session.data} />
        <SecretStorageFact info={info.data} />
      </dl>
      <SessionActions session={session.data} />
    </header>
  );
}
