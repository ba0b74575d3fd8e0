import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { isAppUrl } from './app-origin'

/**
 * A contract call is trusted only from our window's own top frame showing our own page: not
 * from another webContents, not from an iframe, not after the frame left app://keyhold.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  expected: WebContents | null,
): boolean {
  if (expected === null || expected.isDestroyed() || event.sender !== expected) return false
  const frame = event.senderFrame
  if (frame === null || frame.parent !== null) return false
  // Compared by identity tokens rather than object identity: Electron may hand out a new
  // WebFrameMain wrapper for the same frame.
  const top = expected.mainFrame
  if (frame !== top && (frame.processId !== top.processId || frame.frameToken !== top.frameToken)) {
    return false
  }
  return isAppUrl(frame.url)
}
