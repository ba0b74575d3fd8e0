import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.message.includes('Bad layering')).map((m) => m.message)
}

describe('the layering rule (DESIGN.md) is enforced by lint', () => {
  it.each([
    ['core importing electron', 'electron/core/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['shared importing node:fs', 'electron/shared/x.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync"],
    ['shared importing fs', 'electron/shared/x.ts', "import fs from 'fs'\nexport const r = fs"],
    ['shared importing core', 'electron/shared/x.ts', "import { Vault } from '../core/vault/vault'\nexport const v = Vault"],
    ['renderer importing core at run time', 'renderer/src/x.ts', "import { Vault } from '../../electron/core/vault/vault'\nexport const v = Vault"],
    ['renderer importing main', 'renderer/src/x.ts', "import { createWindow } from '../../electron/main/window'\nexport const w = createWindow"],
    ['renderer importing the web host', 'renderer/src/x.ts', "import { startWebHost } from '../../electron/web/server'\nexport const s = startWebHost"],
    ['renderer importing electron', 'renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer"],
    ['preload importing a package', 'electron/preload/x.ts', "import { z } from 'zod'\nexport const s = z"],
    ['preload importing core', 'electron/preload/x.ts', "import { Vault } from '../core/vault/vault'\nexport const v = Vault"],
    ['web importing electron', 'electron/web/x.ts', "import { net } from 'electron'\nexport const n = net"],
  ])('rejects %s', async (_label, file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['core importing shared and node', 'electron/core/x.ts', "import { readFileSync } from 'node:fs'\nimport { ERROR_MESSAGES } from '../shared/errors'\nexport const a = [readFileSync, ERROR_MESSAGES]"],
    ['renderer importing shared types', 'renderer/src/x.ts', "import type { KeySummary } from '../../electron/shared/dto'\nexport type K = KeySummary"],
    ['renderer importing shared at run time', 'renderer/src/x.ts', "import { OUTCOME_LABELS } from '../../electron/shared/checks'\nexport const l = OUTCOME_LABELS"],
    ['preload importing electron and shared constants', 'electron/preload/x.ts', "import { ipcRenderer } from 'electron'\nimport { METHOD_CHANNELS } from '../shared/channels'\nexport const a = [ipcRenderer, METHOD_CHANNELS]"],
    ['main importing core and electron', 'electron/main/x.ts', "import { app } from 'electron'\nimport { createKeyholdCore } from '../core/keyhold-core'\nexport const a = [app, createKeyholdCore]"],
  ])('allows %s', async (_label, file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
