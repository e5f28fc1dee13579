/**
 * The dashboard's build: React with Vite, into `dist/`, which `tend serve` serves at `/`. In
 * development (`npm run dev --workspace packages/web`) the API is proxied to a local
 * `tend serve` on port 4700.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:4700' } },
});
