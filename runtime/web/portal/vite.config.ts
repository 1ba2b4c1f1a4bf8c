import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The citizen portal, served by the runtime at /portal/ (runtime/src/http/serveWebApp.ts) from runtime/web/dist/portal.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/portal/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Form.io's renderer is large; it is loaded only on the application page (a chunk of its own).
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npx vite --config runtime/web/portal/vite.config.ts` against a runtime on :3000
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000', '/oidc': 'http://localhost:3000' },
  },
});
