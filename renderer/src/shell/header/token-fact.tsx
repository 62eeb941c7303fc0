import type { SessionState } from '../../../../shared/contract/session';
import { useNow } from '../../lib/use-now';
import { describeToken } from '../../session/session-facts';
import { TruncatedText } from '../../ui/truncated-text';
import { Fact } from './fact';

export function TokenFact({ session }: { readonly session: SessionState | undefined }) {
  const now = useNow();
  const state = session?.token.state;
  return (
    <Fact label="Token" testId="fact-token">
      {session === undefined ? (
        'Loading…'
      ) : (
        <span className={`token token--${state}`}>
          <span className="token__dot" aria-hidden="true" />
          <TruncatedText text={describeToken(session.token, now)} />
        </span>
      )}
    </Fact>
  );
}
