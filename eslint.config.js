// @ts-check
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** Each layer's forbidden imports (DESIGN.md): shared ← core ← platform ← {main, web}; preload ← shared constants; renderer ← shared. */
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
  layer(
    ['renderer/**'],
    [
      // The window may import shared's values (labels, schemas, descriptors' types); never another layer.
      { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/web/**', '**/electron/preload/**', '**/electron/platform/**'], message: 'the window reaches Keyhold only through window.keyhold' },
    ],
    // Exact names, not patterns: a pattern `electron` would also match the `electron/shared` folder.
    { paths: ['electron', ...nodeBuiltins].map((name) => ({ name, message: 'Bad layering: the window has no electron or node access (see DESIGN.md, "Shape").' })) },
  ),
)
