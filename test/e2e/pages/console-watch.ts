import type { Page } from '@playwright/test'

/**
 * Everything the page reports as wrong: console errors (a failed load such as a missing favicon,
 * a Content-Security-Policy violation, a React warning logged as an error) and uncaught exceptions.
 * Attach before the first navigation; a journey ends by expecting `errors` to be empty.
 */
export class ConsoleWatch {
  readonly errors: string[] = []

  private constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`${message.text()} (${message.location().url || 'page'})`)
    })
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`))
  }

  static async attach(page: Page): Promise<ConsoleWatch> {
    const watch = new ConsoleWatch(page)
    // Chromium does not log every refusal (an eval probe caught by its caller is silent): the event is certain.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`)
      })
    })
    return watch
  }
}
