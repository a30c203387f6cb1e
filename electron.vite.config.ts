import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import pkg from './package.json'

/**
 * electron-vite forces `base: './'` for production renderers, but deep links such as
 * `/paper/<slug>` load the same index.html: its asset URLs must be absolute to resolve.
 */
function absoluteEntryAssetUrls(): Plugin {
  return {
    name: 'pwc:absolute-entry-asset-urls',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/(src|href)="\.\/assets\//g, '$1="/assets/')
    }
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file (see scripts/check-preload.mjs).
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      // React Router 7 exports only its development build, whose dev-only checks run on every
      // render of the routes (remix-run/react-router#14102); the production build sits beside it.
      alias: [
        {
          find: /^react-router$/,
          replacement: resolve(__dirname, 'node_modules/react-router/dist/production/index.mjs')
        },
        {
          find: /^react-router\/dom$/,
          replacement: resolve(__dirname, 'node_modules/react-router/dist/production/dom-export.mjs')
        }
      ]
    },
    plugins: [react(), absoluteEntryAssetUrls()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; every start parses its script, and the
      // minified bundle is ~40 % of the size.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
