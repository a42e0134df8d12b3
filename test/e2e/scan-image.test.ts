import { afterAll, describe, it } from '@jest/globals'
import {
  expectInputError,
  itIsNotAvailableYet,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'

const valid = { 'image-ref': 'ghcr.io/acme/hello@sha256:' + 'c'.repeat(64) }

afterAll(cleanupRuns)

describe('scan-image action', () => {
  itReportsConfigMistakes('scan-image', valid)

  it('names an invalid scanner, severity or boolean input', async () => {
    await expectInputError(
      'scan-image',
      { ...valid, scanner: 'clair' },
      'input "scanner" must be one of trivy, grype, got "clair"'
    )
    await expectInputError(
      'scan-image',
      { ...valid, 'fail-on': 'severe' },
      'input "fail-on" must be one of critical, high, medium, low, got "severe"'
    )
    await expectInputError(
      'scan-image',
      { ...valid, 'ignore-unfixed': 'sometimes' },
      'input "ignore-unfixed" must be true or false, got "sometimes"'
    )
  })

  itIsNotAvailableYet('scan-image', { ...valid, scanner: 'grype', 'fail-on': 'critical' })
})
