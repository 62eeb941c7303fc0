import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compileHints } from './scripts/vite-compile-hints';
import { earlyScript } from './scripts/vite-early-script';
import { firstRenderChunk } from './scripts/vite-first-render-chunk';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The dev server's React Refresh preamble is an inline script, which the strict CSP in index.html forbids. Only
 * `vite` (serve) gets a relaxed policy; every build, and so the app and the harness, keeps the strict one.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'ucbridge:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

/**
 * The renderer-only config. `vite build` / `vite preview` use it directly (browser harness, Playwright, benchmarks);
 * `electron.vite.config.ts` imports it as its renderer section.
 */
export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the app loads index.html from app:// or file://, the harness from http://127.0.0.1.
  base: './',
  plugins: [
    react(),
    relaxCspForDevServer(),
    // The harness's link to main opens before the app's code has even downloaded (a no-op in the desktop app).
    earlyScript('src/api/harness-link.ts'),
    // What the first render runs — the entry, the first step, the harness transport — is one stylesheet and three
    // scripts loaded at once: React, the other libraries, the app's own code (compiled in parallel).
    firstRenderChunk({
      name: 'first-render',
      lazyRoots: [/steps\/authenticate\/authenticate-step\.tsx$/u, /api\/harness-api\.ts$/u],
      exclude: [/api\/harness-link\.ts$/u, /contract\/harness-names\.ts$/u],
      parts: [
        { name: 'react', test: /node_modules\/(react|react-dom|scheduler)\//u },
        { name: 'libraries', test: /node_modules\//u },
      ],
    }),
    // ...which V8 compiles on background threads as they download, not function by function during the first render.
    compileHints(/src\/main\.tsx$/u),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    target: 'chrome130',
    // Electron's Chromium and Debian chromium support modulepreload natively.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
});
