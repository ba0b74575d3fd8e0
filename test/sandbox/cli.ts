/**
 * Starts every provider sandbox and the catcher on free loopback ports, prints one line
 *   KEYHOLD_SANDBOXES {"threadeo":url,...,"catcher":url}
 * for the parent process to read, and runs until SIGINT or SIGTERM.
 */
import { SANDBOXES_READY_PREFIX, startSandboxes } from './index'

const sandboxes = await startSandboxes()
process.stdout.write(`${SANDBOXES_READY_PREFIX}${JSON.stringify(sandboxes.urls())}\n`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  sandboxes.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('sandboxes did not close cleanly:', err)
      process.exit(1)
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// Started with an IPC channel (fork), the sandboxes go when their parent does.
process.on('disconnect', stop)
