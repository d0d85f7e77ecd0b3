import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into web/dist, which `attest serve` serves with an SPA fallback. No sourcemaps in the
// shipped bundle: they would only add weight for field workers on slow, metered connections.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': 'http://127.0.0.1:4700' } },
});
