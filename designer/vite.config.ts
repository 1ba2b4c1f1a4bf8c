import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The designer, served by the runtime at /designer/ (runtime/src/http/serveWebApp.ts) from runtime/web/dist/designer.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/designer/',
  plugins: [vue()],
  resolve: {
    dedupe: ['vue'],
    // The sign-on, API client, i18n and styles the runtime's apps share (runtime/web/shared).
    alias: { '@polis-web-shared': fileURLToPath(new URL('../runtime/web/shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../runtime/web/dist/designer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // bpmn-js with its properties panel and CodeMirror is one large, cacheable chunk.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npx vite --config designer/vite.config.ts` against a runtime on :3000
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000', '/oidc': 'http://localhost:3000' },
  },
});
