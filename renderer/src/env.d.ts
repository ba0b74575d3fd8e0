import type { KeyholdBridge } from '../../electron/shared/contract'

declare global {
  interface Window {
    /** The only way the window reaches Keyhold: named methods and events of the contract. */
    readonly keyhold?: KeyholdBridge
  }
}

export {}
