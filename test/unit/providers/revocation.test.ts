import { describe, expect, it } from 'vitest'
import { OUTCOMES } from '../../../electron/shared/checks'
import { CoreProviders } from '../../../electron/core/providers/registry'

const providers = new CoreProviders()
const details = {
  threadeo: { provider: 'threadeo', tenant: 'legal', apiKey: 'TD-1' },
  threatstop: { provider: 'threatstop', service: 'devices' },
  spreeflo: { provider: 'spreeflo', keyName: 'shop' },
  custom: { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' } },
}

describe('what a check after a revocation proves', () => {
  it.each(Object.entries(details))('%s: a rejection confirms it, an answer that authenticates says it still works', (_id, d) => {
    expect(providers.revocation(d, 'invalid', true)).toBe('confirmed')
    expect(providers.revocation(d, 'valid', true)).toBe('still-works')
    expect(providers.revocation(d, 'limited', true)).toBe('still-works')
    expect(providers.revocation(d, 'unknown', true)).toBe('unclear')
    expect(providers.revocation(d, 'misconfigured', true)).toBe('unclear')
  })

  it('ThreatSTOP: “unknown key or another network” confirms only for a key that worked from here before', () => {
    expect(providers.revocation(details.threatstop, 'blocked', true)).toBe('confirmed')
    expect(providers.revocation(details.threatstop, 'blocked', false)).toBe('unclear')
    // Elsewhere the same outcome proves nothing.
    expect(providers.revocation(details.spreeflo, 'blocked', true)).toBe('unclear')
  })

  it('never answers “confirmed” for an outcome that shows the key still authenticates', () => {
    for (const d of Object.values(details)) {
      for (const outcome of OUTCOMES) {
        const verdict = providers.revocation(d, outcome, true)
        if (outcome === 'valid' || outcome === 'limited') expect(verdict).toBe('still-works')
        else expect(verdict).not.toBe('still-works')
      }
    }
  })
})
