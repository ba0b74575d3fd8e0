import { resolve } from 'node:path'

/** The repository root: this folder is electron/web. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..')

/** Where `electron-vite build` writes the window, which both hosts serve. */
export const DEFAULT_RENDERER_DIR = resolve(PROJECT_ROOT, 'out', 'renderer')
