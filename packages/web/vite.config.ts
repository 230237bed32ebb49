import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything ships with the app: keep assets as files (no inlined data: URLs that a CSP may block).
    assetsInlineLimit: 0,
    sourcemap: true,
    // The chunk graph, for bench/bundle-size.ts (what each page loads first).
    manifest: true,
    // One stylesheet, linked from index.html: pages load lazily, but their styles must be there before
    // they render (split CSS arrived with the page's chunk and shared rules such as the instrument
    // list's depended on which page had loaded first). All CSS is about 7 KB gzip.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // React Router apart from React: the public pages' entry has no router.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
            },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            {
              name: 'aria',
              test: /node_modules[\\/](react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized)[\\/]/,
            },
            // Split by the entries that use each part: react-i18next's <Trans> (and its HTML parser) is
            // for the audit page only, not for every page and the public pages' entry.
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, entriesAware: true },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
