import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { firstPageLine } from './build-size.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Prints, after each build, how much JavaScript the first page loads. */
const firstPageSize = (): Plugin => ({
  name: 'puente-first-page-size',
  apply: 'build',
  closeBundle() {
    console.log(firstPageLine(`${root}dist`));
  },
});

export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  plugins: [firstPageSize()],
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
