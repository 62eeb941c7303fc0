import type { Session } from 'electron';
import type { TrustedOrigin } from '../gateway/sender-policy';
import { isPermissionGranted, isRendererRequestAllowed } from '../window-policy/permissions';

/**
 * Session-wide guards (checklist item 5 and the "renderer never needs the network" rule): permission requests
 * and checks answered by policy (deny all but the app's clipboard write), device access denied, and every
 * renderer request that is not the app's own scheme or DevTools cancelled.
 */
export function hardenSession(session: Session, app: TrustedOrigin): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, app));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, app),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRendererRequestAllowed(details.url, app) });
  });
}
