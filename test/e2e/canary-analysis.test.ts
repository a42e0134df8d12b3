import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

const valid = { environment: 'production' }

afterAll(cleanupRuns)

describe('canary-analysis action', () => {
  itReportsConfigMistakes('canary-analysis', valid)

  it('names a missing or unknown environment', async () => {
    await expectInputError('canary-analysis', {}, 'input "environment" is required')
    await expectInputError(
      'canary-analysis',
      { environment: 'prod' },
      'input "environment": "prod" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  it('names an invalid duration or interval input', async () => {
    await expectInputError(
      'canary-analysis',
      { ...valid, duration: 'ten minutes' },
      'input "duration" must be a duration such as 30s, 5m or 1h, got "ten minutes"'
    )
    await expectInputError(
      'canary-analysis',
      { ...valid, interval: '-1m' },
      'input "interval" must be a duration such as 30s, 5m or 1h, got "-1m"'
    )
  })

  itIsNotAvailableYet('canary-analysis', {
    ...valid,
    'prometheus-url': 'http://127.0.0.1:9090',
    duration: '5m',
    interval: '30s'
  })
})
