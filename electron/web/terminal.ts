// What the web host's terminal says and hears, for every host that has one (`npm run web`,
// `npm run demo`): the window's pages tell the person to press Enter there, so each must listen.
import { createInterface } from 'node:readline'
import { TOKEN_FRAGMENT_KEY } from '../shared/web-protocol'
import type { SessionEnd } from './sessions'

/** The address to open: the host's URL with the one-time token in its fragment. */
export const addressOf = (host: { url: string }, token: string) => `${host.url}#${TOKEN_FRAGMENT_KEY}=${token}`

export const newAddressLine = (address: string) => `New address (the previous one no longer works): ${address}`

const ENDED: Readonly<Record<SessionEnd, string>> = {
  'idle-lock': 'The vault locked after a while without use, and the Keyhold window’s session ended with it.',
  unused: 'The Keyhold window’s session ended after going unused.',
}

export const sessionEndedLine = (reason: SessionEnd, address: string) => `${ENDED[reason]} To go on, open ${address}`

/** Enter (or "open") on the terminal asks for a new address: the way back after a used or ended one. */
export function onEnter(action: () => void, input: NodeJS.ReadableStream = process.stdin): void {
  createInterface({ input }).on('line', (line) => {
    const word = line.trim().toLowerCase()
    if (word === '' || word === 'open') action()
  })
}
