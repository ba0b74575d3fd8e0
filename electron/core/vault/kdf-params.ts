import { KeyholdError } from '../errors'

export interface KdfParams {
  readonly algorithm: 'argon2id'
  /** Memory in KiB. */
  readonly memoryKiB: number
  readonly iterations: number
  readonly parallelism: number
  readonly salt: Uint8Array
}

/** Bitwarden's Argon2id default; measured at 300–500 ms here. */
export const SHIPPED_KDF = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 } as const

/**
 * A vault header is data anyone with the file can edit. The floor (OWASP's Argon2id minimum,
 * 19 MiB / t=2) stops a downgrade; the ceiling stops a header that would exhaust memory or time.
 */
export const KDF_FLOOR = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1, saltBytes: 16 } as const
export const KDF_CEILING = { memoryKiB: 1024 * 1024, iterations: 10, parallelism: 16, saltBytes: 64 } as const

export function assertKdfParamsInRange(params: KdfParams): void {
  const inRange = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi
  const ok =
    params.algorithm === 'argon2id' &&
    inRange(params.memoryKiB, KDF_FLOOR.memoryKiB, KDF_CEILING.memoryKiB) &&
    inRange(params.iterations, KDF_FLOOR.iterations, KDF_CEILING.iterations) &&
    inRange(params.parallelism, KDF_FLOOR.parallelism, KDF_CEILING.parallelism) &&
    inRange(params.salt.length, KDF_FLOOR.saltBytes, KDF_CEILING.saltBytes) &&
    // Argon2 requires at least 8 KiB per lane.
    params.memoryKiB >= 8 * params.parallelism
  if (!ok) throw new KeyholdError('VAULT_HEADER_TAMPERED')
}

/** The canonical text of the parameters, bound into the header's AAD so editing any of them fails unwrap. */
export function canonicalKdfParams(params: KdfParams): string {
  return [
    params.algorithm,
    `m=${params.memoryKiB}`,
    `t=${params.iterations}`,
    `p=${params.parallelism}`,
    `salt=${Buffer.from(params.salt).toString('hex')}`,
  ].join(',')
}

/** NFKC so that the same password typed as composed or decomposed Unicode unlocks the same vault. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC')
}
