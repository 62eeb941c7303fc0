import * as T from 'radix-ui/toast';
import { CircleCheck, Info, X } from 'lucide-react';
import { ErrorView } from '../errors/error-view';
import { dismissNotice, useNotices } from '../notices/notice-store';
import type { Notice } from '../notices/notice-list';
import './toast.css';

/** How long a result stays on screen; hovering or focusing the toasts pauses it (Radix). */
const RESULT_MS = 6_000;

function NoticeToast({ notice }: { readonly notice: Notice }) {
  const failure = notice.tone === 'failure';
  return (
    <T.Root
      className={`ui-toast ui-toast--${notice.tone}`}
      duration={failure ? Infinity : RESULT_MS}
      type={failure ? 'foreground' : 'background'}
      onOpenChange={(open) => (open ? undefined : dismissNotice(notice.id))}
      data-testid={failure ? 'failure-toast' : 'result-toast'}
    >
      {failure && notice.error ? (
        // The toast announces itself; the view inside must not announce a second time.
        <ErrorView action={notice.title} error={notice.error} announce={false} dismiss={<T.Close className="button button--quiet">Dismiss</T.Close>} />
      ) : (
        <>
          <span className="ui-toast__icon">{notice.tone === 'success' ? <CircleCheck size={18} /> : <Info size={18} />}</span>
          <div className="ui-toast__text">
            <T.Title className="ui-toast__title">{notice.title}</T.Title>
            {notice.message ? <T.Description className="ui-toast__message">{notice.message}</T.Description> : null}
          </div>
          <T.Close className="button button--quiet button--icon" aria-label="Dismiss">
            <X size={16} />
          </T.Close>
        </>
      )}
    </T.Root>
  );
}

/**
 * The window's notices (notices/notice-store.ts), once, in app.tsx: results clear themselves after a few seconds,
 * failures stay until dismissed. F8 moves focus to them (Radix Toast's viewport hotkey).
 *
 *   notify('Settings saved');                         a transient result
 *   notify('Payload downloaded', { message: '…' });
 *   reportError('Disconnect', toAppError(e));         a failure with no better place next to its button
 */
export function Notices() {
  const notices = useNotices();
  return (
    <T.Provider swipeDirection="right" label="Notifications">
      {notices.map((n) => (
        <NoticeToast key={n.id} notice={n} />
      ))}
      <T.Viewport className="ui-toast__viewport" data-testid="notices" />
    </T.Provider>
  );
}
