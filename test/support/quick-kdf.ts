import { createHash } from 'node:crypto'
import type { KdfRunner } from '../../electron/core/vault/kdf-worker'

/**
 * A key derivation that takes no time, behind the real KdfRunner port: for tests that aim at the
 * file work around it (kill -9 during create), where half a second of Argon2id would take most of
 * the random moments. Deterministic, so a vault it made unlocks with it again.
 */
export const QUICK_KDF: KdfRunner = {
  async derive(password, params) {
    return createHash('sha256').update(Buffer.from(params.salt)).update(password.normalize('NFKC')).digest()
  },
}
