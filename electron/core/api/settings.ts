import { parseInput } from '../validation/parse'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function settingsApi({ vault, providers }: ApiDeps): Implementations<'keyhold:settings.get' | 'keyhold:settings.update' | 'keyhold:providers.list'> {
  const { registry } = providers
  const labels = (path: readonly string[]) => {
    const [first, id, name] = path
    return first === 'providers' && id && name ? registry.get(id)?.settings.fields.find((f) => f.name === name)?.label : undefined
  }
  return {
    'keyhold:providers.list': () => registry.descriptors,
    'keyhold:settings.get': () => vault.settings().get(),
    'keyhold:settings.update': ({ providers: providerPatch, clipboard, reminders, backups }) =>
      vault.settings().update({
        ...(providerPatch ? { providers: parseInput(registry.settingsPatchSchema, providerPatch, labels, ['providers']) } : {}),
        ...(clipboard ? { clipboard } : {}),
        ...(reminders ? { reminders } : {}),
        ...(backups ? { backups } : {}),
      }),
  }
}
