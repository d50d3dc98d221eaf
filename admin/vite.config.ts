import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const backendSource = fileURLToPath(new URL('../backend/src', import.meta.url));
const adminRoot = fileURLToPath(new URL('.', import.meta.url));
// npm workspaces hoist the dependencies into the repository's node_modules.
const hoistedModules = fileURLToPath(new URL('../node_modules', import.meta.url));

/**
 * The UI shares the backend's pure modules (block numbering, the document's view model, Vietnamese
 * dates) through the `@backend` alias, so the preview numbers and words a plan exactly as the DOCX.
 * In development the API runs on :3000 (`npm run dev` at the root); in production Nest serves this build.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@backend': backendSource } },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    fs: { allow: [adminRoot, backendSource, hoistedModules] },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
});
