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
    ['platform importing electron', 'electron/platform/x.ts', "import { clipboard } from 'electron'\nexport const c = clipboard"],
    ['platform importing electron (deep in the folder)', 'electron/platform/clipboard/x11/x.ts', "import { clipboard } from 'electron'\nexport const c = clipboard"],
    ['platform importing main', 'electron/platform/x.ts', "import { createElectronClipboard } from '../main/clipboard'\nexport const c = createElectronClipboard"],
    ['platform importing web', 'electron/platform/clipboard/x.ts', "import { startWebHost } from '../../web/server'\nexport const s = startWebHost"],
    ['platform importing core beyond its ports', 'electron/platform/clipboard/x11/x.ts', "import { ClipboardService } from '../../../core/clipboard/clipboard-service'\nexport const c = ClipboardService"],
    ['core importing platform', 'electron/core/x.ts', "import { createSystemClipboard } from '../platform/clipboard/system-clipboard'\nexport const c = createSystemClipboard"],
    ['core importing platform (deep in the folder)', 'electron/core/clipboard/x.ts', "import { X11Clipboard } from '../../platform/clipboard/x11/x11-clipboard'\nexport const c = X11Clipboard"],
    ['shared importing platform', 'electron/shared/x.ts', "import { createSystemClipboard } from '../platform/clipboard/system-clipboard'\nexport const c = createSystemClipboard"],
    ['renderer importing platform', 'renderer/src/x.ts', "import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'\nexport const c = createSystemClipboard"],
  ])('rejects %s', async (_label, file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['core importing shared and node', 'electron/core/x.ts', "import { readFileSync } from 'node:fs'\nimport { ERROR_MESSAGES } from '../shared/errors'\nexport const a = [readFileSync, ERROR_MESSAGES]"],
    ['renderer importing shared types', 'renderer/src/x.ts', "import type { KeySummary } from '../../electron/shared/dto'\nexport type K = KeySummary"],
    ['renderer importing shared at run time', 'renderer/src/x.ts', "import { OUTCOME_LABELS } from '../../electron/shared/checks'\nexport const l = OUTCOME_LABELS"],
    ['preload importing electron and shared constants', 'electron/preload/x.ts', "import { ipcRenderer } from 'electron'\nimport { METHOD_CHANNELS } from '../shared/channels'\nexport const a = [ipcRenderer, METHOD_CHANNELS]"],
    ['main importing core and electron', 'electron/main/x.ts', "import { app } from 'electron'\nimport { createKeyholdCore } from '../core/keyhold-core'\nexport const a = [app, createKeyholdCore]"],
    ['web importing platform and core', 'electron/web/x.ts', "import { createKeyholdCore } from '../core/keyhold-core'\nimport { createSystemClipboard } from '../platform/clipboard/system-clipboard'\nexport const a = [createKeyholdCore, createSystemClipboard]"],
    ['platform importing core\'s ports, shared, node and packages', 'electron/platform/clipboard/x11/x.ts', "import { spawn } from 'node:child_process'\nimport { createClient } from 'x11'\nimport { ClipboardUnavailableError } from '../../../core/clipboard/clipboard-port'\nimport { SerialQueue } from '../../../shared/serial-queue'\nexport const a = [spawn, createClient, ClipboardUnavailableError, SerialQueue]"],
  ])('allows %s', async (_label, file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
