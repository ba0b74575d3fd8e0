import { join } from 'node:path'
import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { DATA_DIR_ENV, resolveDataDir, vaultPaths } from '../../electron/core/paths'

describe('where the vault lives', () => {
  it('takes an explicit folder first, then KEYHOLD_DATA_DIR, then the platform default', () => {
    expect(resolveDataDir('/opt/vaults', { [DATA_DIR_ENV]: '/tmp/x' })).toBe('/opt/vaults')
    expect(resolveDataDir(undefined, { [DATA_DIR_ENV]: '/tmp/x' })).toBe('/tmp/x')
    expect(resolveDataDir(undefined, {}, 'linux')).toBe(join(homedir(), '.config', 'Keyhold'))
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Keyhold'))
    expect(resolveDataDir(undefined, {}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Keyhold'))
    expect(resolveDataDir(undefined, { APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/a/AppData/Roaming', 'Keyhold'))
  })

  it('keeps the vault file and its backups together in that folder', () => {
    expect(vaultPaths('/data')).toEqual({ dataDir: '/data', vaultFile: join('/data', 'vault.keyhold'), backupDir: join('/data', 'backups') })
  })
})
