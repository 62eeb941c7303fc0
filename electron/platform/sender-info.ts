import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { SenderInfo } from '../gateway/sender-policy';

/**
 * What the gateway needs to judge a sender, read defensively: `senderFrame` is null once the frame has navigated
 * away or been destroyed (electron.d.ts 45), and reading a disposed frame can throw. Either way: untrusted.
 */
export function senderInfo(event: IpcMainInvokeEvent | IpcMainEvent): SenderInfo {
  const id = event.sender.id;
  try {
    const frame = event.senderFrame;
    if (!frame) return { id, isMainFrame: false, url: undefined };
    return { id, isMainFrame: frame.parent === null, url: frame.url };
  } catch {
    return { id, isMainFrame: false, url: undefined };
  }
}
