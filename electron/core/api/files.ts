import { KeyholdError } from '../errors'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * Choosing and saving files through the host's dialogs. Neither needs an unlocked vault (a file
 * reference carries no secret); what a file is used for does.
 */
export function filesApi({ files, fileDialogs }: ApiDeps): Implementations<'keyhold:files.choose' | 'keyhold:files.save'> {
  return {
    'keyhold:files.choose': async ({ purpose }) => {
      if (!fileDialogs) throw new KeyholdError('FILES_UNAVAILABLE')
      const picked = await fileDialogs.open(purpose)
      return picked ? files.receive(picked.name, picked.bytes) : null
    },
    'keyhold:files.save': async ({ fileId }) => {
      if (!fileDialogs) throw new KeyholdError('FILES_UNAVAILABLE')
      if (!files.offered(fileId)) throw new KeyholdError('FILE_GONE')
      const file = files.collect(fileId)
      try {
        const saved = await fileDialogs.save(file.name, file.bytes)
        return { saved }
      } finally {
        file.bytes.fill(0)
      }
    },
  }
}
