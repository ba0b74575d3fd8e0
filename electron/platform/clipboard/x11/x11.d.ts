/**
 * The part of the `x11` package (sidorares/node-x11, pure JavaScript, no types shipped) that the
 * X11 clipboard uses. Requests are sent at once; those with a reply take a callback last, which
 * must return true when it handled an error (or the client also emits it as 'error').
 */
declare module 'x11' {
  import type { EventEmitter } from 'node:events'

  /** An X protocol error (`error` is its code) or a connection error (no `error`). */
  export interface X11Error extends Error {
    error?: number
  }

  export type X11Callback<T> = (err: X11Error | null | undefined, result: T) => unknown

  export interface X11Screen {
    readonly root: number
  }

  export interface X11Display {
    readonly screen: readonly X11Screen[]
  }

  export interface X11Property {
    readonly type: number
    readonly format: number
    readonly bytesAfter: number
    readonly data: Buffer
  }

  /** A decoded event; which fields are set depends on `name`. */
  export interface X11Event {
    readonly name?: string
    readonly type: number
    readonly time?: number
    readonly wid?: number
    readonly atom?: number
    readonly state?: number
    readonly owner?: number
    readonly requestor?: number
    readonly selection?: number
    readonly target?: number
    readonly property?: number
  }

  export interface X11EventToSend {
    readonly name: 'SelectionNotify'
    readonly time: number
    readonly requestor: number
    readonly selection: number
    readonly target: number
    readonly property: number
  }

  export interface X11Client extends EventEmitter {
    /**
     * The client's atom cache, name → id and id → name. Every client starts with the SAME object
     * (the package's table of predefined atoms), and InternAtom adds to it: see X11Link.
     */
    atoms: Record<string, number>
    atom_names: Record<number, string>
    AllocID(): number
    CreateWindow(
      id: number,
      parent: number,
      x: number,
      y: number,
      width: number,
      height: number,
      borderWidth: number,
      depth: number,
      windowClass: number,
      visual: number,
      values: { eventMask?: number },
    ): void
    InternAtom(onlyIfExists: boolean, name: string, cb: X11Callback<number>): void
    /** mode 0 replace, 1 prepend, 2 append; format 8, 16 or 32. */
    ChangeProperty(mode: number, window: number, property: number, type: number, format: number, data: Buffer | readonly number[]): void
    DeleteProperty(window: number, property: number): void
    GetProperty(
      deleteIt: number,
      window: number,
      property: number,
      type: number,
      longOffset: number,
      longLength: number,
      cb: X11Callback<X11Property>,
    ): void
    SetSelectionOwner(owner: number, selection: number, time: number): void
    GetSelectionOwner(selection: number, cb: X11Callback<number>): void
    ConvertSelection(requestor: number, selection: number, target: number, property: number, time: number): void
    SendEvent(destination: number, propagate: number, eventMask: number, event: X11EventToSend): void
    /** A round trip: resolves once the server has processed every request sent before it. */
    sync(): Promise<void>
    /** Round trip, then closes the socket; the callback runs once it is gone. */
    close(cb?: (err?: X11Error) => void): void
    /** Ends the socket at once. */
    terminate(): void
    readonly stream?: { destroy(): void }
  }

  export function createClient(
    options: { display?: string; disableBigRequests?: boolean; shm?: boolean },
    cb: (err: X11Error | undefined, display: X11Display) => void,
  ): X11Client
}
