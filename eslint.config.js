// @ts-check
// Flat config. CommonJS because package.json has no "type": "module" (the main bundle and scripts stay CJS).
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');
const tseslint = require('typescript-eslint');

/** Only the adapters and the preload touch Electron; everything else goes through electron/ports.ts. */
const ELECTRON = {
  name: 'electron',
  message: 'Only electron/platform/** and electron/preload/** may import electron: use a port (electron/ports.ts).',
};
/** The preload is the only place ipcRenderer exists, and it never leaves it (Electron checklist item 20). */
const IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'ipcRenderer belongs to electron/preload only, and is never exposed.',
};
const NO_NODE = 'renderer/ and shared/ run without Node: no Node built-ins (ask main through the contract instead).';
/** Exact names (`fs`, `fs/promises`…): a pattern like `domain/*` would also match `../domain/x`. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NO_NODE }));
const NODE_PREFIXED = { group: ['node:*'], message: NO_NODE };

/** Settings that switch off a security boundary, in any file. */
const unsafe = (key, value, why) =>
  [`Property[key.name='${key}'][value.value=${value}]`, `Property[key.value='${key}'][value.value=${value}]`].map(
    (selector) => ({ selector, message: `${key}: ${value} is forbidden: ${why}` }),
  );
const DANGEROUS_SYNTAX = [
  ...unsafe('nodeIntegration', true, 'no Node in the renderer.'),
  ...unsafe('nodeIntegrationInWorker', true, 'no Node in the renderer.'),
  ...unsafe('nodeIntegrationInSubFrames', true, 'no Node in the renderer.'),
  ...unsafe('contextIsolation', false, 'the preload must stay isolated from the page.'),
  ...unsafe('sandbox', false, 'renderers stay sandboxed.'),
  ...unsafe('webSecurity', false, 'keep the same-origin policy.'),
  ...unsafe('allowRunningInsecureContent', true, 'no http content in an https page.'),
  ...unsafe('webviewTag', true, 'no <webview>.'),
  ...unsafe('rejectUnauthorized', false, 'never turn off TLS checks; trust the sandbox CA explicitly.'),
  {
    selector:
      "MemberExpression[property.name='NODE_TLS_REJECT_UNAUTHORIZED'], Literal[value='NODE_TLS_REJECT_UNAUTHORIZED']",
    message: 'Never turn off TLS checks; trust the sandbox CA explicitly (NODE_EXTRA_CA_CERTS, ca:).',
  },
  {
    selector: "CallExpression[callee.property.name=/^(encryptString|decryptString|isEncryptionAvailable)$/]",
    message: 'The sync safeStorage API is deprecated in Electron 45 and removed in 46: use the async one.',
  },
];
const RAW_OPEN_EXTERNAL = {
  selector: "MemberExpression[property.name='openExternal']",
  message: 'Open URLs through the BrowserOpener port (electron/platform/shell-opener.ts checks the allow-list).',
};

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'reports/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,cjs,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON] }],
      'no-restricted-syntax': ['error', ...DANGEROUS_SYNTAX, RAW_OPEN_EXTERNAL],
    },
  },
  {
    files: ['electron/platform/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [IPC_RENDERER] }] },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/platform/shell-opener.ts', 'electron/platform/shell-opener.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...DANGEROUS_SYNTAX] },
  },
  {
    files: ['renderer/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON, ...NODE_BUILTINS], patterns: [NODE_PREFIXED] }] },
  },
  {
    // Playwright finds a fixture's dependencies by reading its first parameter: `async ({}, use) => …` is required.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: { ...globals.browser } },
  },
);
