/**
 * Stable error codes and the plain-language sentence for each. The window may show its own
 * wording, but it keys on the code; the sentences here never include user input or a secret.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: 'Some of the information is missing or not in the expected form.',
  VAULT_NOT_FOUND: 'There is no vault here yet. Create one to get started.',
  VAULT_EXISTS: 'A vault already exists here, so a new one was not created over it.',
  VAULT_UNFINISHED:
    'Creating a vault here was stopped before it finished, so there is no vault yet and no key was lost. Agree to start over to create a new vault in its place.',
  VAULT_LOCKED: 'The vault is locked. Unlock it with your master password.',
  VAULT_UNLOCKED: 'The vault is already unlocked.',
  WRONG_PASSWORD: 'That password did not unlock the vault.',
  WEAK_PASSWORD: 'Choose a stronger master password.',
  VAULT_TOO_NEW:
    'This vault was saved by a newer version of Keyhold. Update Keyhold to open it; the file was left untouched.',
  NOT_A_VAULT: 'This file is not a Keyhold vault. It was left untouched.',
  VAULT_EMPTY_FILE: 'The vault file is empty, so it cannot be opened. It was left untouched.',
  VAULT_DAMAGED:
    'The vault file is damaged and cannot be opened. It was left untouched; restore it from a backup.',
  VAULT_HEADER_TAMPERED:
    'The vault settings have been changed outside Keyhold and are not safe to use. The file was left untouched.',
  VAULT_IN_USE: 'This vault is open in another Keyhold window or program. Close it there first.',
  KEYCHAIN_UNAVAILABLE:
    'The system keychain could not be reached, so nothing was changed. You can still unlock with your master password.',
  KEYCHAIN_OFF: 'Unlock with the system keychain is not turned on for this vault. Unlock with your master password.',
  KEYCHAIN_ENTRY_LOST:
    "The system keychain no longer holds Keyhold's key for this vault; unlock with your master password, then turn keychain unlock on again.",
  KEY_NOT_FOUND: 'That key is not in the vault (it may have been deleted).',
  KEY_REVOKED: 'This key was revoked, so Keyhold no longer holds its secret. Its record is kept in the Revoked archive.',
  KEY_DAMAGED: 'This key is damaged and cannot be read. Your other keys are not affected.',
  SECRET_EMPTY: 'The key is empty. Paste the key or token you received from the provider.',
  SECRET_TOO_LARGE: 'That is too long to be a key (the limit is 16 KiB).',
  SECRET_WHITESPACE:
    'The key starts or ends with spaces or line breaks, or contains invisible characters. These usually come from copying; remove them, or keep the key exactly as it is.',
  SECRET_CONTROL_CHARS: 'The key contains control characters, which keys never contain.',
  NAME_CONTROL_CHARS: 'Names cannot contain control characters such as line breaks or tabs.',
  STORAGE_FAILED:
    'Keyhold could not save to the disk (it may be full or read-only). Nothing was changed.',
  CLIPBOARD_UNAVAILABLE: 'The clipboard could not be used here. Nothing was copied.',
  CLIPBOARD_EMPTY: 'The clipboard holds no text. Copy the key from the provider first, then paste it here.',
  FILE_TOO_LARGE: 'That file is too large for Keyhold to read (the limit is 32 MiB). Nothing was read.',
  FILE_GONE: 'That file is no longer held by Keyhold (it is kept for one use, and until the vault locks). Choose it again.',
  FILE_UNREADABLE: 'Keyhold could not read that file. Nothing was added.',
  FILES_UNAVAILABLE: 'Files cannot be opened or saved from this window. Nothing was changed.',
  SHARE_FILE_DAMAGED:
    'This share file is damaged or was changed after it was made (it may be incomplete). Nothing was added; ask the sender for a new one.',
  SHARE_FILE_NOT_FOR_YOU:
    'This share file was made for another Keyhold vault, or needs a different passphrase. Nothing was added.',
  SHARE_CODE_INVALID:
    'That is not a Keyhold sharing code. Ask the recipient to copy theirs again from Settings (it starts with age1). No file was made.',
  IMPORT_PASSWORD_NEEDED: 'This file is protected by a password. Enter it to read the file.',
  IMPORT_WRONG_PASSWORD: 'That password does not open this file. Nothing was read.',
  BACKUP_NOT_FOUND: 'That backup is no longer there (it may have been rotated out). Nothing was changed.',
  BACKUP_DAMAGED:
    'This backup failed its check (it is damaged, or was not made with this vault\'s key), so it cannot be used. Nothing was changed; choose another backup.',
  BACKUP_PASSWORD_NEEDED:
    'The vault is locked: enter the master password the vault had when this backup was made. Nothing was changed.',
  NOT_AUTHORIZED:
    'This window is not connected to Keyhold. Open the address Keyhold printed when it started.',
  INTERNAL: 'Something went wrong inside Keyhold. Nothing was changed; please try again.',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as readonly ErrorCode[]
