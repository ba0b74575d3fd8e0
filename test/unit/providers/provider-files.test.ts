import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDER_IDS } from '../../../electron/shared/providers'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/** Where a provider may be named: its own files and the registries (DESIGN.md, "Providers and checks"). */
function isProviderFile(path: string): boolean {
  return (
    path.startsWith('electron/shared/providers/') ||
    path === 'electron/core/providers/registry.ts' ||
    BUILT_IN_PROVIDER_IDS.some((id) => path === `electron/core/providers/${id}.ts`)
  )
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
    return /\.(ts|tsx|mts|mjs|js|html|css)$/.test(name) ? [path] : []
  })
}

// Comments may cite a provider's documents; code may not branch on one.
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

function providerNames(text: string): string[] {
  const code = withoutComments(text)
  const named = BUILT_IN_PROVIDER_IDS.filter((id) => id !== 'custom' && new RegExp(`\\b${id}\\b`, 'i').test(code))
  // "custom" is an ordinary word (and zod's issue code); as a quoted id it is the Custom REST API provider.
  if (/(['"`])custom\1/.test(code.replace(/code\s*(?:[!=]==|:)\s*(['"])custom\1/g, ''))) named.push('custom')
  return named
}

describe('a provider lives in its own files', () => {
  const files = ['electron', 'renderer', 'scripts'].flatMap(sources).map((p) => relative(ROOT, join(ROOT, p)))

  it('no product file outside a provider’s own files and the registry names a built-in provider', () => {
    const offenders = files.filter((f) => !isProviderFile(f)).flatMap((f) => providerNames(readFileSync(join(ROOT, f), 'utf8')).map((id) => `${f}: ${id}`))
    expect(offenders).toEqual([])
  })

  it('the check finds a provider named in code (it is not vacuous)', () => {
    expect(providerNames("if (details.provider === 'threadeo') {}")).toEqual(['threadeo'])
    expect(providerNames("const p = { provider: 'custom' }")).toEqual(['custom'])
    expect(providerNames('// ThreatSTOP says so\nconst a = 1')).toEqual([])
    expect(providerNames("ctx.addIssue({ code: 'custom' }); if (issue.code !== 'custom') {}")).toEqual([])
    expect(files.length).toBeGreaterThan(100)
  })
})
