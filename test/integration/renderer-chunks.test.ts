// The window's build as electron.vite.config.ts makes it, in memory: what the first screen loads.
import { build, type InlineConfig, type Rolldown } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'
import { BUILT_IN_PROVIDER_IDS } from '../../electron/shared/providers'

let chunks: Rolldown.OutputChunk[] = []
let entry: Rolldown.OutputChunk

beforeAll(async () => {
  const renderer = (config as { renderer: InlineConfig }).renderer
  const result = await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, write: false } })
  chunks = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput])
    .flatMap((r) => r.output)
    .filter((o): o is Rolldown.OutputChunk => o.type === 'chunk')
  const found = chunks.find((c) => c.isEntry)
  if (!found) throw new Error(`no entry chunk among ${chunks.map((c) => c.fileName).join(', ')}`)
  entry = found
})

describe('the renderer build', () => {
  it('paints the first screen from an entry chunk without the vault screen, which is a chunk of its own', () => {
    const vault = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/renderer/src/screens/VaultScreen.tsx')))
    if (!vault) throw new Error(`no vault screen chunk among ${chunks.map((c) => c.fileName).join(', ')}`)
    expect(vault).not.toBe(entry)
    expect(entry.dynamicImports).toContain(vault.fileName)
    // Neither the vault screen's own parts nor the libraries only it uses are in the entry.
    expect(entry.moduleIds.filter((id) => /\/(KeyList|KeyForm|KeyDialogs|SettingsDialog)\.tsx$|@tanstack|@radix-ui/.test(id))).toEqual([])
    expect(entry.moduleIds.some((id) => id.endsWith('/renderer/src/screens/Unlock.tsx'))).toBe(true)
  })

  it('carries no provider’s descriptor: the window renders every form from the ones core sends', () => {
    const code = chunks.map((c) => c.code).join('\n')
    expect(BUILT_IN_PROVIDER_IDS.filter((id) => id !== 'custom' && code.includes(id))).toEqual([])
  })
})
