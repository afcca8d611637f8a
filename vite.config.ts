import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** Builds the browser app from `src/app` into `dist/web`, served by the server in `src/server`. */
export default defineConfig({
  root: 'src/app',
  publicDir: '../../public',
  base: './',
  plugins: [react()],
  define: {
    'import.meta.env.APP_VERSION': JSON.stringify(manifest.version),
  },
  optimizeDeps: {
    // monaco-yaml's worker imports this CommonJS package; the dev server must convert it.
    include: ['path-browserify'],
  },
  server: {
    // `npm run dev` serves the app; the API comes from a server started with `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
})
