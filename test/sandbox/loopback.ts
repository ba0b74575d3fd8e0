import { isIPv4 } from 'node:net'

/** Only 127.0.0.0/8 literals: no names (they resolve elsewhere), no ::1, no wildcard. */
export function isLoopbackAddress(host: string): boolean {
  return isIPv4(host) && host.split('.')[0] === '127'
}

export function assertLoopback(host: string): void {
  if (!isLoopbackAddress(host)) {
    throw new Error(`Sandbox servers bind to a 127.0.0.0/8 address only, not "${host}"`)
  }
}

/** The peer of an IPv4 socket may be reported IPv4-mapped by a dual-stack listener. */
export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  if (remoteAddress === undefined) return false
  return isLoopbackAddress(remoteAddress.replace(/^::ffff:/i, ''))
}
