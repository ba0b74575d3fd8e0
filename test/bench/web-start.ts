// `node --import tsx test/bench/web-start.ts`: only the web_start figure of `npm run bench`, for
// work on the host's start-up without the ten-thousand-key benches around it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchWebStartOnly } from './window'

const root = mkdtempSync(join(tmpdir(), 'keyhold-bench-start-'))
try {
  await benchWebStartOnly(root)
} finally {
  rmSync(root, { recursive: true, force: true })
}
