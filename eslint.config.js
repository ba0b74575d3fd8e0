// @ts-check
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** Each layer's forbidden imports (DESIGN.md): shared ← core ← platform ← {main, web}; preload ← shared constants; renderer ← shared types. */
const layer = (files, patterns, extra = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: extra.paths ?? [],
        patterns: patterns.map((p) => ({
          ...p,
          message: `Bad layering: ${p.message} (see DESIGN.md, "Shape").`,
        })),
      },
    ],
  },
})

const folder = (name) => [`**/electron/${name}`, `**/electron/${name}/**`, `../${name}`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`]

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  layer(['electron/shared/**'], [
    { group: ['electron', ...nodeBuiltins], message: 'shared is plain TypeScript: no electron, no node:*' },
    { group: [...folder('core'), ...folder('platform'), ...folder('main'), ...folder('web'), ...folder('preload'), '**/renderer/**'], message: 'shared imports nothing from other layers' },
  ]),
  layer(['electron/core/**'], [
    { group: ['electron'], message: 'core never imports electron' },
    { group: [...folder('platform'), ...folder('main'), ...folder('web'), ...folder('preload'), '**/renderer/**'], message: 'core imports only shared; the hosts pass it the OS adapters' },
  ]),
  layer(['electron/platform/**'], [
    { group: ['electron'], message: 'platform is node-only: it never imports electron' },
    { group: [...folder('main'), ...folder('web'), ...folder('preload'), '**/renderer/**'], message: 'platform imports shared, core\'s ports, node:* and packages' },
    // Of core, only the ports it implements (files named *-port): the adapters hold no product logic.
    { regex: '(^|/)core(/|$)(?!.*-port$)', message: 'platform imports only core\'s ports (the *-port files)' },
  ]),
  layer(['electron/main/**'], [
    { group: [...folder('web'), ...folder('preload'), '**/renderer/**'], message: 'main imports shared, core and electron' },
  ]),
  layer(['electron/web/**'], [
    { group: ['electron'], message: 'the web host never imports electron' },
    { group: [...folder('main'), ...folder('preload'), '**/renderer/**'], message: 'web imports shared and core' },
  ]),
  layer(['electron/preload/**'], [
    { group: [...nodeBuiltins], message: 'a sandboxed preload cannot load node modules' },
    { group: [...folder('core'), ...folder('platform'), ...folder('main'), ...folder('web'), '**/renderer/**'], message: 'preload imports only electron and shared constants' },
    { regex: '^(?!electron$|\\.)', message: 'a sandboxed preload imports only electron and shared constants' },
  ]),
  layer(['renderer/**'], [
    { group: ['electron', ...nodeBuiltins], message: 'the window has no electron or node access' },
    { group: ['**/electron/core/**', '**/electron/platform/**', '**/electron/main/**', '**/electron/web/**', '**/electron/preload/**'], message: 'the window reaches Keyhold only through window.keyhold' },
    { group: ['**/electron/shared', '**/electron/shared/**'], allowTypeImports: true, message: 'the window imports shared with `import type` only' },
  ]),
)
