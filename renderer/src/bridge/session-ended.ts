export const SESSION_ENDED_HEADING = "This Keyhold window's session has ended"
export const SESSION_ENDED_TEXT =
  'Keyhold ends a window’s session when it stops, when the vault locks after a while without use, after 30 minutes unused, ' +
  'and when a new address is opened in another window. ' +
  'To go on, press Enter in the terminal where Keyhold runs to get a new address, or start Keyhold again with “npm run web”.'

export const ADDRESS_SPENT_HEADING = 'This Keyhold address no longer works'
// The words of electron/web/cli.ts: Enter there prints "New address (…): http://127.0.0.1:…".
export const ADDRESS_SPENT_TEXT =
  'Each address Keyhold prints opens one window, once, and only until Keyhold stops. ' +
  'To get a new one, press Enter in the terminal where Keyhold runs, then open the new address it prints there. ' +
  'Only one window is connected at a time: opening the new address signs out any other.'

/**
 * Replaces the whole window with one plain message. Nothing the window could still do would
 * work without a session, and whatever it showed (key names, history) should not linger.
 */
function replaceWindowWith(headingText: string, bodyText: string, title: string): void {
  const heading = document.createElement('h1')
  heading.textContent = headingText
  const text = document.createElement('p')
  text.textContent = bodyText
  const card = document.createElement('div')
  card.className = 'gate-card'
  card.setAttribute('role', 'alert')
  card.append(heading, text)
  const main = document.createElement('main')
  main.className = 'gate'
  main.append(card)
  document.body.replaceChildren(main)
  document.title = title
}

export function showSessionEnded(): void {
  replaceWindowWith(SESSION_ENDED_HEADING, SESSION_ENDED_TEXT, 'Keyhold – session ended')
}

/** The address was opened before (or came from an earlier run of Keyhold) and this tab had no session. */
export function showAddressSpent(): void {
  replaceWindowWith(ADDRESS_SPENT_HEADING, ADDRESS_SPENT_TEXT, 'Keyhold – address used')
}
