export { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, originOf } from './app-url';
export { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './csp';
export {
  createExternalUrlAllowList,
  EXTERNAL_HOSTS,
  guardBrowserOpener,
  isExternalUrlAllowed,
  type ExternalUrlAllowList,
} from './external-urls';
export { decideNavigation, windowOpenDecision, type NavigationDecision } from './navigation';
export { isPermissionGranted, isRendererRequestAllowed } from './permissions';
export { mainWindowOptions, type MainWindowOptions } from './window-options';
