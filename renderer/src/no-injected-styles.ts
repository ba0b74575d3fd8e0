/**
 * Stands in for `react-style-singleton` in the window's build (electron.vite.config.ts aliases it).
 * Radix's modal dialogs lock the page's scrolling through react-remove-scroll, which writes its CSS
 * into a new <style> element: the window's CSP (style-src 'self') refuses that, and Chromium logs a
 * violation each time a dialog opens. The one rule the window needs, `body[data-scroll-locked]`,
 * is in styles.css instead (the page itself never scrolls, so there is no scrollbar gap to keep).
 */
export function styleSingleton() {
  // A distinct component per call: react-remove-scroll keeps a stack of them to know which lock is on top.
  return function NoInjectedStyle(): null {
    return null
  }
}

export function stylesheetSingleton() {
  return { add: () => undefined, remove: () => undefined }
}

export function styleHookSingleton() {
  return () => undefined
}
