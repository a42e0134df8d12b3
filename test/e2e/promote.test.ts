import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

const imageRef = 'ghcr.io/acme/hello@sha256:' + 'b'.repeat(64)
const valid = { from: 'staging', to: 'production', 'image-ref': imageRef }

afterAll(cleanupRuns)

describe('promote action', () => {
  itReportsConfigMistakes('promote', valid)

  it('names a missing required input', async () => {
    await expectInputError('promote', { 'image-ref': imageRef }, 'input "from" is required')
    await expectInputError('promote', { from: 'staging' }, 'input "image-ref" is required')
  })

  it('needs `to` when the source environment has no promote-to', async () => {
    await expectInputError(
      'promote',
      { from: 'production', 'image-ref': imageRef },
      'input "to" is required'
    )
  })

  it('names a target environment slipway.yaml does not define', async () => {
    await expectInputError(
      'promote',
      { ...valid, to: 'prod' },
      'input "environment": "prod" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  itIsNotAvailableYet('promote', valid)
  itIsNotAvailableYet(
    'promote',
    { from: 'staging', 'image-ref': imageRef },
    'taking `to` from promote-to'
  )
})
