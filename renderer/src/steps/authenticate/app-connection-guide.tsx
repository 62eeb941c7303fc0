import { appConnectionGuide } from '../../../../shared/domain/app-connection-guide';
import { CopyButton } from '../../ui/copy-button';
import { Disclosure } from '../../ui/disclosure';

/** How to create the OAuth app connection in the account console, with the exact redirect URLs to paste. */
export function AppConnectionGuide({ redirectUris }: { readonly redirectUris: readonly string[] }) {
  return (
    <Disclosure className="auth-guide" summary="How do I get a client id? (create the app connection)" testId="app-connection-guide">
      <ol>
        {appConnectionGuide(redirectUris).map((step) => (
          <li key={step.title}>
            <strong>{step.title}.</strong> {step.detail}
            {step.copy ? (
              <ul className="auth-guide__values">
                {step.copy.map((v) => (
                  <li key={v}>
                    <code className="wrap-anywhere">{v}</code> <CopyButton value={v} label={v} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}
