// The window's build as electron.vite.config.ts makes it, in memory: what the first screen loads.
import { build, type InlineConfig, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'

async function buildRenderer(): Promise<Rolldown.OutputChunk[]> {
  const renderer = (config as { renderer: InlineConfig }).renderer
  const result = await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, write: false } })
  return (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput])
    .flatMap((r) => r.output)
    .filter((o): o is Rolldown.OutputChunk => o.type === 'chunk')
}

describe('the renderer build', () => {
  it('paints the first screen from an entry chunk without the vault screen', async () => {
    const chunks = await buildRenderer()
    const entry = chunks.find((c) => c.isEntry)
    const vault = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/renderer/src/screens/VaultScreen.tsx')))
    if (!entry || !vault) throw new Error(`no entry or vault screen chunk among ${chunks.map((c) => c.fileName).join(', ')}`)
    expect(vault).not.toBe(entry)
    expect(entry.dynamicImports).toContain(vault.fileName)
    // Neither the vault screen's own parts nor the libraries only it uses are in the entry.
    expect(entry.moduleIds.filter((id) => /\/(KeyList|KeyForm|KeyDialogs|SettingsDialog)\.tsx$|@tanstack|@radix-ui/.test(id))).toEqual([])
    expect(entry.moduleIds.some((id) => id.endsWith('/renderer/src/screens/Unlock.tsx'))).toBe(true)
  })
})
