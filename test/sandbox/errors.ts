/** A provider rule the request breaks (Threadeo's two active tokens, Spreeflo's final revoke): the control API answers 409. */
export class SandboxRuleError extends Error {
  override readonly name = 'SandboxRuleError'
}

/** Revoking or expiring a secret the sandbox does not hold: the control API answers 404. */
export class SandboxUnknownKeyError extends Error {
  override readonly name = 'SandboxUnknownKeyError'
}

/** A key or rule the sandbox cannot represent (a field its provider does not use, a missing apiKey): 400. */
export class SandboxInputError extends Error {
  override readonly name = 'SandboxInputError'
}
