import { useStore } from '../store/store'

export const READ_ONLY_HEADING = 'Keyhold cannot save to this vault’s disk'
export const READ_ONLY_TEXT =
  'The disk is full or read-only, so the vault is open for looking up keys only. Adding, changing, copying and showing a key each need to be saved (copies and reveals go into the key’s activity), and will say so until there is space or the folder can be written again; then lock and unlock.'

/** Said once, at the top of the vault, for as long as it is open from a disk Keyhold cannot write to. */
export function ReadOnlyNotice() {
  const readOnly = useStore((s) => s.vault?.readOnly === true)
  if (!readOnly) return null
  return (
    <section className="read-only-notice" aria-labelledby="read-only-heading">
      <h2 id="read-only-heading">{READ_ONLY_HEADING}</h2>
      <p>{READ_ONLY_TEXT}</p>
    </section>
  )
}
