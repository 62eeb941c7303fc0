export { createBasicTextCipher } from './basic-text-cipher';
export { createFileBlobStore } from './file-blob-store';
export { openFileKeyValueStore, type FileKeyValueStoreOptions, type OpenedKeyValueStore } from './file-key-value-store';
export { createMemoryKeyCipher } from './memory-key-cipher';
export { createSystemBrowserOpener, openerCommand } from './system-browser-opener';
export { systemClock } from './system-clock';
export { createNodeMainPorts, type NodeMainPortsOptions } from './node-main-ports';
