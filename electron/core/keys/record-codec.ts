import { createSecretKey, type KeyObject } from 'node:crypto'
import { open, seal } from '../vault/aead'
import { JSON_BUCKET_FLOOR, META_BUCKET_FLOOR, SECRET_BUCKET_FLOOR, paddedJson } from './length-buckets'
import type { CommonKeyFields, ProviderDetails } from '../../shared/dto'
import type { ShareRecord } from '../../shared/shares'

export const RECORD_FORMAT = 1

/** Everything about a key except its secret; sealed as the row's `meta` blob. */
export interface KeyMeta extends CommonKeyFields {
  readonly details: ProviderDetails
  /** Shares recorded at the provider; left out while there are none, as records before them were written. */
  readonly shares?: readonly ShareRecord[]
}

interface SecretPayload {
  readonly value: string
}

export type RecordField = 'meta' | 'secret'


/**
 * Binds a blob to its vault, its row, its field and the record format, so a blob moved to
 * another row or column (or another vault) no longer authenticates.
 */
export function recordAad(vaultId: string, recordId: string, field: RecordField): string {
  return `keyhold|record|v${RECORD_FORMAT}|${vaultId}|${recordId}|${field}`
}

function snapshotAad(vaultId: string): string {
  return `keyhold|list-snapshot|v${RECORD_FORMAT}|${vaultId}`
}

export class RecordCodec {
  /**
   * Made once per unlock (see AeadKey). Node keeps KeyObject material in memory it frees but does
   * not zero; the Buffer path made a fresh such copy per blob, so this holds fewer copies, not more.
   */
  private readonly vaultKey: KeyObject

  constructor(
    vaultKey: Buffer,
    private readonly vaultId: string,
  ) {
    this.vaultKey = createSecretKey(vaultKey)
  }

  sealMeta(recordId: string, meta: KeyMeta): Buffer {
    return this.sealText(JSON.stringify(meta), recordAad(this.vaultId, recordId, 'meta'), META_BUCKET_FLOOR)
  }

  /** The meta JSON, authenticated but not yet checked: parse it with `parseStoredMeta`. */
  openMeta(recordId: string, blob: Uint8Array): unknown {
    return JSON.parse(this.openText(blob, recordAad(this.vaultId, recordId, 'meta'))) as unknown
  }

  /** Seals any other JSON value of the vault under its own AAD label (checks, settings). */
  sealJson(label: string, value: unknown): Buffer {
    return this.sealText(JSON.stringify(value), `keyhold|${label}|v${RECORD_FORMAT}|${this.vaultId}`, JSON_BUCKET_FLOOR)
  }

  openJson(label: string, blob: Uint8Array): unknown {
    return JSON.parse(this.openText(blob, `keyhold|${label}|v${RECORD_FORMAT}|${this.vaultId}`)) as unknown
  }

  sealSnapshot(json: string): Buffer {
    return this.sealText(json, snapshotAad(this.vaultId))
  }

  openSnapshot(blob: Uint8Array): string {
    return this.openText(blob, snapshotAad(this.vaultId))
  }

  sealSecret(recordId: string, value: string): Buffer {
    const payload: SecretPayload = { value }
    return this.sealText(JSON.stringify(payload), recordAad(this.vaultId, recordId, 'secret'), SECRET_BUCKET_FLOOR)
  }

  openSecret(recordId: string, blob: Uint8Array): string {
    return (JSON.parse(this.openText(blob, recordAad(this.vaultId, recordId, 'secret'))) as SecretPayload).value
  }

  /**
   * The plaintext Buffers are zeroed once used. A short Buffer.from shares Node's 8 KiB pool,
   * where the bytes would otherwise stay until that memory is reused; the strings they came from
   * and go to cannot be wiped from JavaScript.
   */
  /**
   * Padded to its length bucket (see length-buckets.ts), in a Buffer of its own, zeroed after.
   * The list snapshot is not padded: its size says only how many keys there are, which the rows
   * say anyway.
   */
  private sealText(text: string, aad: string, bucketFloor?: number): Buffer {
    const plain = bucketFloor === undefined ? Buffer.from(text, 'utf8') : paddedJson(text, bucketFloor)
    try {
      return seal(this.vaultKey, plain, aad)
    } finally {
      plain.fill(0)
    }
  }

  private openText(blob: Uint8Array, aad: string): string {
    const plain = open(this.vaultKey, blob, aad)
    try {
      return plain.toString('utf8')
    } finally {
      plain.fill(0)
    }
  }
}
