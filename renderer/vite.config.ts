import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/**
 * The dev server injects an inline React Refresh preamble and `<style>` elements for HMR, which the
 * production CSP in index.html forbids; drop the meta tag while serving only. Builds keep it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'polyseek-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

/** Set POLYSEEK_API_URL (e.g. http://127.0.0.1:4173) to run `npm run dev:renderer` against a running server. */
const apiTarget = process.env['POLYSEEK_API_URL'];

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs work both from http://127.0.0.1:PORT/ and from app://polyseek/ in Electron.
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: { outDir, emptyOutDir: true, target: 'es2023' },
  server: apiTarget ? { proxy: { '/api': { target: apiTarget, changeOrigin: false } } } : {},
});
