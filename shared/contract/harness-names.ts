/**
 * The browser harness's names, without the message schemas (harness-protocol.ts): the page's early link
 * (renderer/src/api/harness-link.ts) needs them before anything else has loaded, and must not carry zod.
 */
export const HARNESS_META_NAME = 'ucbridge-harness';
export const HARNESS_SOCKET_PATH = '/ipc';
export const harnessSubprotocol = (secret: string): string => `ucbridge.${secret}`;
