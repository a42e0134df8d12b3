import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

afterAll(cleanupRuns)

describe('build-image action', () => {
  itReportsConfigMistakes('build-image', {})

  it('names an invalid boolean input', async () => {
    await expectInputError(
      'build-image',
      { push: 'maybe' },
      'input "push" must be true or false, got "maybe"'
    )
    await expectInputError(
      'build-image',
      { attest: 'enabled' },
      'input "attest" must be true or false, got "enabled"'
    )
  })

  itIsNotAvailableYet('build-image', {}, 'with the action.yml defaults')
  itIsNotAvailableYet(
    'build-image',
    { platforms: 'linux/amd64,linux/arm64', push: 'false' },
    'with platforms and push: false'
  )
})
