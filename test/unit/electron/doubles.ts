// Stand-ins for the few Electron objects the desktop host touches, so its rules run in plain Node.
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { vi } from 'vitest'

export const APP_PAGE = 'app://keyhold/index.html'

let nextToken = 0

export interface FrameDouble {
  url: string
  parent: FrameDouble | null
  processId: number
  frameToken: string
}

export function frame(url: string, parent: FrameDouble | null = null, processId = 1): FrameDouble {
  nextToken += 1
  return { url, parent, processId, frameToken: `frame-${nextToken}` }
}

export interface ContentsDouble {
  mainFrame: FrameDouble
  destroyed: boolean
  isDestroyed(): boolean
  send: ReturnType<typeof vi.fn>
}

export function contents(url = APP_PAGE): ContentsDouble {
  const double: ContentsDouble = {
    mainFrame: frame(url),
    destroyed: false,
    isDestroyed: () => double.destroyed,
    send: vi.fn(),
  }
  return double
}

export const asContents = (double: ContentsDouble) => double as unknown as WebContents

/** An IPC event as Electron builds it: the sending webContents and the frame that sent it. */
export function ipcEvent(sender: ContentsDouble, senderFrame: FrameDouble | null = sender.mainFrame): IpcMainInvokeEvent {
  return { sender, senderFrame: senderFrame as unknown as WebFrameMain | null } as unknown as IpcMainInvokeEvent
}

type Listener = (...args: unknown[]) => unknown

/** Records listeners by event name, like an EventEmitter, and lets a test fire them. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>()

  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  })

  once = vi.fn((event: string, listener: Listener) => this.on(event, listener))

  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args))
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

/** An event object with preventDefault, as Electron passes to will-navigate and friends. */
export function cancellable(fields: Record<string, unknown> = {}) {
  return { ...fields, defaultPrevented: false, preventDefault: vi.fn() }
}
