import { UserError } from '../../core/errors.js'
import { VERSION } from '../../core/version.js'

/**
 * Stops an action whose core is not in this release yet, after its inputs and the config
 * were checked, so a workflow that adopts it early fails at once with a clear reason.
 */
export function notInThisRelease(action: string): never {
  throw new UserError(
    `${action} is not available in slipway ${VERSION} yet; its inputs and slipway.yaml were checked, nothing was changed`
  )
}
