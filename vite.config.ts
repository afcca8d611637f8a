import { defineConfig } from 'vite'

/** Builds the browser app from `src/app` into `dist/web`, served by the server in `src/server`. */
export default defineConfig({
  root: 'src/app',
  publicDir: '../../public',
  base: './',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
})
