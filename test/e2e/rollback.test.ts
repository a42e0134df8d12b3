import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

afterAll(cleanupRuns)

describe('rollback action', () => {
  itReportsConfigMistakes('rollback', { environment: 'production' })

  it('names a missing or unknown environment', async () => {
    await expectInputError('rollback', {}, 'input "environment" is required')
    await expectInputError(
      'rollback',
      { environment: 'live' },
      'input "environment": "live" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  itIsNotAvailableYet('rollback', { environment: 'production' })
})
