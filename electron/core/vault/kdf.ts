import { argon2id } from 'hash-wasm'
import { assertKdfParamsInRange, normalizePassword, type KdfParams } from './kdf-params'

/**
 * Argon2id through hash-wasm (WebAssembly: no native build, same code in Node and Electron).
 * The range check comes first so a tampered header never makes us run a weakened or huge KDF.
 */
export async function deriveKey(password: string, params: KdfParams): Promise<Buffer> {
  assertKdfParamsInRange(params)
  const out = await argon2id({
    password: normalizePassword(password),
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  })
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
}
