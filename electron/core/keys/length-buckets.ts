/**
 * Sealed blobs are exactly as long as what they hold, so without padding the database file tells
 * anyone who copies it each secret's exact length (and each name's), which narrows down which
 * provider a key belongs to. Every sealed JSON document is therefore padded with trailing spaces to
 * a bucket: JSON.parse ignores trailing whitespace, so records written before padding still open,
 * and no format change is needed.
 *
 * Buckets are powers of two from `floor` up: the API keys Keyhold holds are almost all shorter than
 * 128 bytes, so they all look alike; a longer one says only its power of two.
 */
export const SECRET_BUCKET_FLOOR = 128
export const META_BUCKET_FLOOR = 512
export const JSON_BUCKET_FLOOR = 256

export function bucketFor(length: number, floor: number): number {
  let bucket = floor
  while (bucket < length) bucket *= 2
  return bucket
}

/** `json` as UTF-8, with spaces after it up to its bucket. */
export function paddedJson(json: string, floor: number): Buffer {
  const length = Buffer.byteLength(json, 'utf8')
  const out = Buffer.alloc(bucketFor(length, floor), 0x20)
  out.write(json, 0, 'utf8')
  return out
}
