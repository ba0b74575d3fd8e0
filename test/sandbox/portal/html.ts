import type { PortalDesign } from './design'

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** One listed key: what the portal shows of it (never the secret, only its last characters). */
export interface ListedKey {
  readonly id: number
  readonly label: string
  readonly ending: string
  readonly active: boolean
}

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:48rem}code{font-size:1.1rem}.error{color:#a00}</style>
</head><body><main>${body}</main></body></html>`

const hidden = (context: URLSearchParams): string =>
  [...context].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('')

export function portalPage(design: PortalDesign, context: URLSearchParams, listed: readonly ListedKey[], error?: string): string {
  const about = (design.context ?? []).map((c) => `<dt>${escapeHtml(c.label)}</dt><dd>${escapeHtml(context.get(c.name) ?? '')}</dd>`).join('')
  const inputs = (design.inputs ?? [])
    .map((input) =>
      input.kind === 'text'
        ? `<p><label>${escapeHtml(input.label)} <input name="${escapeHtml(input.name)}" required></label></p>`
        : `<fieldset><legend>${escapeHtml(input.label)}</legend>${(input.options ?? [])
            .map((o) => `<label><input type="checkbox" name="${escapeHtml(input.name)}" value="${escapeHtml(o.value)}"> ${escapeHtml(o.label)}</label><br>`)
            .join('')}</fieldset>`,
    )
    .join('')
  const items = listed
    .map(
      (k) =>
        `<li>${escapeHtml(k.label)} — ending …${escapeHtml(k.ending)} — ${k.active ? 'active' : 'deleted'}${
          k.active
            ? ` <form method="post" action="/portal/keys/${k.id}/delete" style="display:inline">${hidden(context)}<button aria-label="${escapeHtml(`${design.deleteLabel} ${k.label}`)}">${escapeHtml(design.deleteLabel)}</button></form>`
            : ''
        }</li>`,
    )
    .join('')
  return page(
    design.title,
    `<h1>${escapeHtml(design.title)}</h1>${about ? `<dl>${about}</dl>` : ''}${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/portal/keys">${hidden(context)}${inputs}<button>${escapeHtml(design.button)}</button></form>
<h2>Your keys</h2>${items ? `<ul aria-label="Keys">${items}</ul>` : '<p>None yet.</p>'}`,
  )
}

/**
 * The new secret, once. With `acknowledge` it sits in an overlay whose Copy works only after the
 * toggle is turned (Threadeo's). Copy writes the browser's clipboard; the page says which happened.
 */
export function shownOncePage(design: PortalDesign, context: URLSearchParams, label: string, secret: string): string {
  const ack = design.acknowledge
  const back = `/portal?${context.toString()}`
  return page(
    design.title,
    `<div role="dialog" aria-modal="true" aria-labelledby="once-title">
<h1 id="once-title">${escapeHtml(`Your new ${design.noun.toLowerCase()}: ${label}`)}</h1>
<p role="alert">${escapeHtml(ack?.warning ?? `Copy this ${design.noun.toLowerCase()} now: it will not be shown again.`)}</p>
<p><code id="secret"${ack ? ' hidden' : ''}>${escapeHtml(secret)}</code></p>
${ack ? `<p><label><input type="checkbox" role="switch" id="understand"> ${escapeHtml(ack.toggle)}</label></p>` : ''}
<p><button type="button" id="copy"${ack ? ' disabled' : ''}>Copy</button> <span id="copied" role="status"></span></p>
<p><a href="${escapeHtml(back)}">Close</a></p>
</div>
<script>
const secret = document.getElementById('secret'), copy = document.getElementById('copy'), understand = document.getElementById('understand')
if (understand) understand.addEventListener('change', () => { secret.hidden = !understand.checked; copy.disabled = !understand.checked })
copy.addEventListener('click', () => navigator.clipboard.writeText(secret.textContent).then(
  () => { document.getElementById('copied').textContent = 'Copied' },
  () => { document.getElementById('copied').textContent = 'Could not copy: select the text and copy it' }))
</script>`,
  )
}

export function goneOncePage(design: PortalDesign, context: URLSearchParams): string {
  return page(
    design.title,
    `<h1>${escapeHtml(design.title)}</h1><p role="alert">${escapeHtml(`This ${design.noun.toLowerCase()} can no longer be shown. Generate a new one if you did not copy it.`)}</p>
<p><a href="/portal?${escapeHtml(context.toString())}">Back</a></p>`,
  )
}
