import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../electron/main/sender'
import { asContents, contents, frame, ipcEvent } from './doubles'

describe('isTrustedSender', () => {
  it('trusts our window top frame on app://keyhold, on any page of it', () => {
    const window = contents('app://keyhold/index.html#/keys')
    expect(isTrustedSender(ipcEvent(window), asContents(window))).toBe(true)
  })

  it('trusts the same top frame handed out as a new wrapper object', () => {
    const window = contents()
    expect(isTrustedSender(ipcEvent(window, { ...window.mainFrame }), asContents(window))).toBe(true)
  })

  it.each([
    ['no window yet', () => ({ event: ipcEvent(contents()), expected: null })],
    ['another window', () => ({ event: ipcEvent(contents()), expected: asContents(contents()) })],
    ['a sub-frame on our origin', () => {
      const w = contents()
      return { event: ipcEvent(w, frame('app://keyhold/index.html', w.mainFrame)), expected: asContents(w) }
    }],
    ['a top frame on http://localhost', () => {
      const w = contents('http://localhost:5173/')
      return { event: ipcEvent(w), expected: asContents(w) }
    }],
    ['a top frame on app://other', () => {
      const w = contents('app://other/index.html')
      return { event: ipcEvent(w), expected: asContents(w) }
    }],
    ['a top frame with credentials in its URL', () => {
      const w = contents('app://user:pw@keyhold/index.html')
      return { event: ipcEvent(w), expected: asContents(w) }
    }],
    ['a frame from another process with our URL', () => {
      const w = contents()
      return { event: ipcEvent(w, { ...w.mainFrame, processId: 99 }), expected: asContents(w) }
    }],
  ])('refuses %s', (_label, make) => {
    const { event, expected } = make()
    expect(isTrustedSender(event, expected)).toBe(false)
  })
})
