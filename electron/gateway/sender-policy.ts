/**
 * Who may talk to the gateway. Electron facts: `senderFrame` may be null (electron.d.ts 45) or have an undefined
 * or `about:blank` URL (vscode#147301, electron#39427); sub-frames and other windows must never reach handlers
 * (Electron security checklist item 17). All of those are untrusted here.
 */
export interface SenderInfo {
  /** webContents id in Electron; a connection id in the browser harness. */
  readonly id: number;
  readonly isMainFrame: boolean;
  readonly url: string | undefined;
}

export interface TrustedOrigin {
  /** e.g. `app:` in production, `http:` for the dev server / harness. */
  readonly protocol: string;
  /** e.g. `ucbridge` for `app://ucbridge/`, `127.0.0.1:5173` for a dev server. */
  readonly host: string;
}

export interface SenderPolicy {
  readonly trustedIds: ReadonlySet<number>;
  readonly origins: readonly TrustedOrigin[];
}

/**
 * Compares protocol and host, not `URL.origin`: for custom schemes such as `app://ucbridge/index.html` the origin
 * is the string "null".
 */
export function isTrustedSender(sender: SenderInfo, policy: SenderPolicy): boolean {
  if (!policy.trustedIds.has(sender.id) || !sender.isMainFrame || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return policy.origins.some((o) => o.protocol === url.protocol && o.host === url.host);
}
