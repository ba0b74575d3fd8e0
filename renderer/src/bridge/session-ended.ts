export const SESSION_ENDED_HEADING = "This Keyhold window's session has ended"
export const SESSION_ENDED_TEXT =
  'Keyhold ends a window’s session when it stops, when the vault locks after a while without use, and after 30 minutes unused. ' +
  'To go on, press Enter in the terminal where Keyhold runs to get a new address, or start Keyhold again with “npm run web”.'

/**
 * Replaces the whole window with one plain message. Nothing the window could still do would
 * work without a session, and whatever it showed (key names, history) should not linger.
 */
export function showSessionEnded(): void {
  const heading = document.createElement('h1')
  heading.textContent = SESSION_ENDED_HEADING
  const text = document.createElement('p')
  text.textContent = SESSION_ENDED_TEXT
  const card = document.createElement('div')
  card.className = 'gate-card'
  card.setAttribute('role', 'alert')
  card.append(heading, text)
  const main = document.createElement('main')
  main.className = 'gate'
  main.append(card)
  document.body.replaceChildren(main)
  document.title = 'Keyhold – session ended'
}
