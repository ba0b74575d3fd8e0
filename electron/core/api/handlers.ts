import { activityApi } from './activity'
import { backupsApi } from './backups'
import { beforeSavingApi } from './before-saving'
import { checksApi } from './checks'
import { clipboardApi } from './clipboard'
import type { ApiDeps } from './deps'
import { SILENT_LOGGER } from '../diagnostics/logger'
import { filesApi } from './files'
import { bindAll, type Handlers } from './handle'
import { keysApi } from './keys'
import { remindersApi } from './reminders'
import { revokeApi } from './revoke'
import { rotateApi } from './rotate'
import { settingsApi } from './settings'
import { shareApi } from './share'
import { sharesApi } from './shares'
import { transferApi } from './transfer'
import { vaultApi } from './vault'

export type { Handler, Handlers } from './handle'
export type { ApiDeps as HandlerDeps } from './deps'
export { REVEAL_SECONDS } from './clipboard'

/**
 * The contract, implemented: each domain's methods, every one bound through the one `handle`
 * path. Hosts bind these one by one; there is no call-by-name.
 */
export function createHandlers(deps: ApiDeps): Handlers {
  return bindAll(
    { ...vaultApi(deps), ...keysApi(deps), ...checksApi(deps), ...clipboardApi(deps), ...settingsApi(deps), ...remindersApi(deps), ...revokeApi(deps), ...activityApi(deps), ...beforeSavingApi(deps), ...rotateApi(deps), ...filesApi(deps), ...shareApi(deps), ...sharesApi(deps), ...transferApi(deps), ...backupsApi(deps) },
    { onCall: deps.onCall ?? (() => undefined), logger: deps.logger ?? SILENT_LOGGER },
  )
}
