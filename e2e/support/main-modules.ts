import { require as tsxRequire } from 'tsx/cjs/api';

type StartHarnessModule = typeof import('../../electron/harness/start-harness');
type NodePortsModule = typeof import('../../electron/node');

/**
 * The harness is main-process code written as ESM (it uses `import.meta.url`), which Playwright's CommonJS test
 * loader cannot load. tsx (the repo's runner for main-process scripts) loads it, and everything it imports, as
 * one module graph: so classes from that graph (AppFailure…) are not the same objects as ones imported here, and
 * errors coming back from it are checked by shape, never with instanceof.
 */
export function loadMainModules(): { readonly harness: StartHarnessModule; readonly node: NodePortsModule } {
  return {
    harness: tsxRequire('../../electron/harness/start-harness.ts', __filename) as StartHarnessModule,
    node: tsxRequire('../../electron/node/index.ts', __filename) as NodePortsModule,
  };
}
