import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { KeyholdError } from '../errors'
import { assertKdfParamsInRange, normalizePassword, type KdfParams } from './kdf-params'

/** Derives the password key; the vault takes one, so a host (or a test) can choose where it runs. */
export interface KdfRunner {
  derive(password: string, params: KdfParams): Promise<Buffer>
}

// The worker is a few lines of CommonJS evaluated from a string: no worker file to locate, which
// keeps it working the same under Node, vitest, tsx and a bundled Electron main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { argon2id } = require(workerData.hashWasmPath)
parentPort.once('message', async (job) => {
  try {
    // Copy out of WebAssembly memory so the transfer below moves only the key.
    const key = new Uint8Array(await argon2id({ ...job, hashLength: 32, outputType: 'binary' }))
    job.password.fill(0)
    parentPort.postMessage({ ok: true, key }, [key.buffer])
  } catch {
    // The password's bytes are wiped on a failure too; the worker's WebAssembly memory (where
    // hash-wasm copied them) is released, not zeroed, when the worker ends.
    job.password.fill(0)
    parentPort.postMessage({ ok: false })
  }
})
`

/**
 * Runs Argon2id in a worker thread so the host's event loop (and so the window) stays responsive
 * for the half second it takes. One worker per derivation: its 64 MiB of WebAssembly memory is
 * returned to the system when it ends instead of staying resident.
 */
export function createWorkerKdf(): KdfRunner {
  const hashWasmPath = createRequire(import.meta.url).resolve('hash-wasm')
  return {
    async derive(password, params) {
      assertKdfParamsInRange(params)
      // TextEncoder gives the bytes their own ArrayBuffer (Buffer.from may use a shared pool),
      // so transferring it moves the password out of this thread instead of copying it.
      const passwordBytes = new TextEncoder().encode(normalizePassword(password))
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasmPath } })
      return new Promise<Buffer>((resolve, reject) => {
        const fail = () => reject(new KeyholdError('INTERNAL'))
        worker.once('error', fail)
        worker.once('message', (reply: { ok: boolean; key?: Uint8Array }) => {
          void worker.terminate()
          if (reply.ok && reply.key) resolve(Buffer.from(reply.key.buffer, reply.key.byteOffset, reply.key.byteLength))
          else fail()
        })
        worker.postMessage(
          {
            password: passwordBytes,
            salt: params.salt,
            parallelism: params.parallelism,
            iterations: params.iterations,
            memorySize: params.memoryKiB,
          },
          [passwordBytes.buffer],
        )
      })
    },
  }
}
