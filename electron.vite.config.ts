import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './electron/shared/security'

const root = import.meta.dirname

/**
 * Writes the window's CSP (electron/shared/security.ts, its only source) into index.html as the
 * first tag of <head>, so it covers every script and style that follows. A policy typed into
 * index.html by hand would be a second source to drift: the build refuses it.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'keyhold-csp-meta',
    transformIndexHtml(html) {
      if (/content-security-policy/i.test(html)) throw new Error('renderer/index.html must not carry its own Content-Security-Policy; it comes from electron/shared/security.ts.')
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }]
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    // Radix's scroll lock would inject a <style> element the CSP refuses (renderer/src/no-injected-styles.ts).
    resolve: { alias: { 'react-style-singleton': resolve(root, 'renderer/src/no-injected-styles.ts') } },
    build: {
      // electron-vite leaves the renderer unminified; the web host serves it over HTTP too.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
