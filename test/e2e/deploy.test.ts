import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

const valid = { environment: 'staging', 'image-ref': 'ghcr.io/acme/hello@sha256:' + 'a'.repeat(64) }

afterAll(cleanupRuns)

describe('deploy action', () => {
  itReportsConfigMistakes('deploy', valid)

  it('names a missing required input', async () => {
    await expectInputError(
      'deploy',
      { 'image-ref': valid['image-ref'] },
      'input "environment" is required'
    )
    await expectInputError('deploy', { environment: 'staging' }, 'input "image-ref" is required')
  })

  it('names an environment slipway.yaml does not define, and the ones it does', async () => {
    await expectInputError(
      'deploy',
      { ...valid, environment: 'qa' },
      'input "environment": "qa" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  it('names an invalid strategy or timeout input', async () => {
    await expectInputError(
      'deploy',
      { ...valid, strategy: 'yolo' },
      'input "strategy" must be one of rolling, canary, blue-green, got "yolo"'
    )
    await expectInputError(
      'deploy',
      { ...valid, timeout: 'soon' },
      'input "timeout" must be a duration such as 30s, 5m or 1h, got "soon"'
    )
  })

  itIsNotAvailableYet('deploy', { ...valid, strategy: 'canary', timeout: '15m' })
})
