// Front ends, built and served by vite. Multi-page: each front end is a folder under src/web with its own
// index.html, so it lives at /<folder>/ — /tab/ (Teams tab) now; /taskpane/ (Excel add-in) and /chat/
// (bot chat) are added by listing them in `pages` below.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = resolve(repoRoot, 'src/web');

/** Front-end pages: folder name under src/web -> served at /<name>/. */
export const pages = ['tab', 'taskpane', 'workbook', 'chat'].filter((name) =>
  existsSync(resolve(webRoot, name, 'index.html')),
);

export default defineConfig({
  root: webRoot,
  base: '/',
  // Served from src/web/public would be copied as-is; nothing is fetched from a CDN.
  publicDir: false,
  appType: 'mpa',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        ...Object.fromEntries(pages.map((name) => [name, resolve(webRoot, name, 'index.html')])),
        // Sign-in pages of the tenant mode: the popup's redirect bridge and the Office dialog's page.
        authRedirect: resolve(webRoot, 'auth/redirect.html'),
        authDialog: resolve(webRoot, 'auth/dialog.html'),
      },
      // Fluent marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Pre-bundle every dependency up front, so the dev server never reloads the page mid-session when it
  // discovers one late (which breaks browser tests).
  optimizeDeps: {
    entries: pages.map((name) => `${name}/index.html`),
    include: [
      'react',
      'react/jsx-runtime',
      'react-dom/client',
      '@fluentui/react-components',
      'i18next',
      'react-i18next',
      '@tanstack/react-virtual',
      '@microsoft/teams-js',
      '@azure/msal-browser',
      '@microsoft/microsoft-graph-client',
    ],
  },
  server: {
    fs: {
      // Only what the pages load: their sources and the installed packages — never the repository root, where
      // DATA_DIR (.data/graph.db: the emulator's signing key and admin secret) and env/ live.
      strict: true,
      allow: [resolve(repoRoot, 'src'), resolve(repoRoot, 'node_modules')],
      deny: [
        '.env',
        '.env.*',
        '*.{crt,pem,key}',
        '**/.git/**',
        '**/.data*/**',
        '**/*.db',
        '**/*.db-wal',
        '**/*.db-shm',
        '**/*.db-journal',
        '**/env/**',
      ],
    },
    // Loopback names only (DNS rebinding), as the web server in front of it.
    allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
  },
  logLevel: 'warn',
});
