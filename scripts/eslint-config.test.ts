import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('eslint.config.js', () => {
  it.each([
    ['electron/services/x/y.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/main/index2.ts', "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;"],
    ['shared/contract/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['renderer/src/x.ts', "import electron from 'electron';\nexport const e = electron;"],
  ])('forbids electron in %s', async (file, code) => {
    expect(await errors(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: .*electron\/platform/)]);
  });

  it('lets the adapters import electron, but not ipcRenderer', async () => {
    expect(await errors('electron/platform/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await errors('electron/platform/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;")).toEqual([
      expect.stringMatching(/ipcRenderer belongs to electron\/preload/),
    ]);
  });

  it('lets the preload use ipcRenderer', async () => {
    expect(await errors('electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;")).toEqual([]);
  });

  it.each([
    ['renderer/src/a.ts', 'node:fs'],
    ['renderer/src/a.ts', 'fs'],
    ['renderer/src/a.ts', 'fs/promises'],
    ['renderer/src/a.tsx', 'path'],
    ['shared/a.ts', 'crypto'],
    ['shared/a.ts', 'node:http'],
    ['shared/a.ts', 'child_process'],
  ])('forbids Node built-ins in %s (%s)', async (file, module) => {
    expect(await errors(file, `import * as m from '${module}';\nexport const x = m;`)).toEqual([
      expect.stringMatching(/no Node built-ins/),
    ]);
  });

  it('allows relative imports that merely look like built-in names, and Node in main', async () => {
    expect(await errors('shared/contract/a.ts', "import * as m from '../domain/x';\nexport const x = m;")).toEqual([]);
    expect(await errors('electron/node/a.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;")).toEqual([]);
  });

  it.each([
    'export const o = { nodeIntegration: true };',
    "export const o = { 'contextIsolation': false };",
    'export const o = { sandbox: false };',
    'export const o = { webSecurity: false };',
    'export const o = { webviewTag: true };',
    'export const o = { rejectUnauthorized: false };',
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
    "declare const shell: { openExternal(u: string): void };\nshell.openExternal('https://x');",
    "declare const safeStorage: { encryptString(s: string): void };\nsafeStorage.encryptString('x');",
  ])('forbids %s anywhere', async (code) => {
    for (const file of ['electron/services/a.ts', 'emulator/a.ts', 'e2e/a.ts']) {
      expect(await errors(file, code), file).toEqual([expect.stringMatching(/^no-restricted-syntax/)]);
    }
  });

  it('allows openExternal only in the shell opener adapter', async () => {
    const code = "declare const shell: { openExternal(u: string): void };\nshell.openExternal('https://x');";
    expect(await errors('electron/platform/shell-opener.ts', code)).toEqual([]);
  });
});
