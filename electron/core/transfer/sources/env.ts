import { fallbackName, type Candidate, type SkippedRow, type SourceRead } from '../candidate'

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/
// A variable holds a key when its name says so; PORT=3000 or NODE_ENV=production do not.
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|AUTH)(_|$)/i
// An address for the keys that share its prefix: STRIPE_API_URL serves STRIPE_API_KEY.
const ADDRESS_NAME = /^(.*?)_?(BASE_URL|API_URL|URL|ENDPOINT|HOST|ADDRESS)$/i
const KEY_SUFFIX = /_?(API_KEY|APIKEY|ACCESS_TOKEN|API_TOKEN|SECRET_KEY|KEY|TOKEN|SECRET|PASSWORD|PASS|PWD)$/i

/** Looks like `.env`: every line a comment, empty, or NAME=value. */
export function looksLikeEnv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  return lines.length > 0 && lines.every((l) => LINE.test(l))
}

/**
 * A `.env` file as dotenv reads it: NAME=value lines, `export ` in front, `#` comments, single-
 * or double-quoted values (double quotes understand \n), an unquoted value ending at ` #`.
 */
export function readEnv(text: string): SourceRead {
  const vars: { row: number; name: string; value: string }[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const match = LINE.exec(lines[i] as string)
    if (!match) continue
    const [, name, rawValue] = match as unknown as [string, string, string]
    let value = rawValue.trim()
    const quote = value[0]
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may run over several lines, to its closing quote.
      let body = value.slice(1)
      while (!closes(body, quote) && i + 1 < lines.length) body += `\n${lines[++i] as string}`
      const end = closingAt(body, quote)
      value = end < 0 ? body : body.slice(0, end)
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"')
    } else {
      value = value.replace(/\s+#.*$/, '').trim()
    }
    vars.push({ row: vars.length + 1, name, value })
  }
  const addresses = new Map<string, string>()
  for (const v of vars) {
    const m = ADDRESS_NAME.exec(v.name)
    if (m && !SECRET_NAME.test(v.name) && /^[a-z][a-z0-9+.-]*:\/\//i.test(v.value)) addresses.set((m[1] ?? '').toUpperCase(), v.value)
  }
  const candidates: Candidate[] = []
  const skipped: SkippedRow[] = []
  for (const v of vars) {
    if (!SECRET_NAME.test(v.name)) {
      if (!ADDRESS_NAME.test(v.name)) skipped.push({ row: v.row, name: v.name, reason: 'Not a key: its name does not say key, token, secret or password.' })
      continue
    }
    if (v.value === '') {
      skipped.push({ row: v.row, name: v.name, reason: 'The key’s value is empty.' })
      continue
    }
    const prefix = v.name.replace(KEY_SUFFIX, '').toUpperCase()
    const url = addresses.get(prefix) ?? addresses.get(prefix.replace(/_API$/, ''))
    candidates.push({ row: v.row, name: fallbackName(v.row, url, v.name), secret: v.value, url })
  }
  return { source: 'env', candidates, skipped }
}

function closingAt(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') i++
    else if (body[i] === quote) return i
  }
  return -1
}
function closes(body: string, quote: string): boolean {
  return closingAt(body, quote) >= 0
}
