import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The staff app, served by the runtime at /app/ (runtime/src/http/serveWebApp.ts) from runtime/web/dist/staff.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../dist/staff', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Form.io's renderer (the task form) is large; it is loaded only on the task page (a chunk of its own).
    chunkSizeWarningLimit: 2000,
    // Rolldown's plugin-timing report is noise for a build this small.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npx vite --config runtime/web/staff/vite.config.ts` against a runtime on :3000
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000', '/oidc': 'http://localhost:3000' },
  },
});
