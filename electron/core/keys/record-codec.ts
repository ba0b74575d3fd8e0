import { createSecretKey, type KeyObject } from 'node:crypto'
import { open, seal } from '../vault/aead'
import { JSON_BUCKET_FLOOR, META_BUCKET_FLOOR, SECRET_BUCKET_FLOOR, paddedJson } from './length-buckets'
import type { CommonKeyFields, ProviderDetails } from '../../shared/dto'

export const RECORD_FORMAT = 1

/** Everything about a key except its secret; sealed as the row's `meta` blob. */
export interface KeyMeta extends CommonKeyFields {
  readonly details: ProviderDetails
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
    return seal(this.vaultKey, paddedJson(JSON.stringify(meta), META_BUCKET_FLOOR), recordAad(this.vaultId, recordId, 'meta'))
  }

  /** The meta JSON, authenticated but not yet checked: parse it with `parseStoredMeta`. */
  openMeta(recordId: string, blob: Uint8Array): unknown {
    return JSON.parse(open(this.vaultKey, blob, recordAad(this.vaultId, recordId, 'meta')).toString('utf8')) as unknown
  }

  /** Seals any other JSON value of the vault under its own AAD label (checks, settings). */
  sealJson(label: string, value: unknown): Buffer {
    return seal(this.vaultKey, paddedJson(JSON.stringify(value), JSON_BUCKET_FLOOR), `keyhold|${label}|v${RECORD_FORMAT}|${this.vaultId}`)
  }

  openJson(label: string, blob: Uint8Array): unknown {
    return JSON.parse(open(this.vaultKey, blob, `keyhold|${label}|v${RECORD_FORMAT}|${this.vaultId}`).toString('utf8')) as unknown
  }

  sealSnapshot(json: string): Buffer {
    return seal(this.vaultKey, Buffer.from(json, 'utf8'), snapshotAad(this.vaultId))
  }

  openSnapshot(blob: Uint8Array): string {
    return open(this.vaultKey, blob, snapshotAad(this.vaultId)).toString('utf8')
  }

  sealSecret(recordId: string, value: string): Buffer {
    const payload: SecretPayload = { value }
    const plain = paddedJson(JSON.stringify(payload), SECRET_BUCKET_FLOOR)
    try {
      return seal(this.vaultKey, plain, recordAad(this.vaultId, recordId, 'secret'))
    } finally {
      plain.fill(0)
    }
  }

  openSecret(recordId: string, blob: Uint8Array): string {
    const plain = open(this.vaultKey, blob, recordAad(this.vaultId, recordId, 'secret'))
    try {
      return (JSON.parse(plain.toString('utf8')) as SecretPayload).value
    } finally {
      plain.fill(0)
    }
  }
}
