import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/index.js'
import { formatUserError, UserErrors } from '../../src/core/errors.js'

const valid = `
image:
  repository: ghcr.io/acme/hello
manifests:
  kustomize: deploy/overlays/{env}
environments:
  staging:
    namespace: hello-staging
    promote-to: production
  production:
    namespace: hello
    strategy: canary
    gates:
      soak: 1h
analysis:
  interval: 1m
  metrics:
    - name: error-rate
      query: sum(rate(http_requests_total{code=~"5..",{selector}}[1m]))
      direction: increase
      critical: true
`

function errorsOf(text: string): string[] {
  try {
    parseConfig(text, 'slipway.yaml')
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError)
    throw error
  }
  throw new Error('expected the config to be rejected')
}

describe('slipway.yaml', () => {
  it('accepts a valid config and fills in defaults', () => {
    const config = parseConfig(valid, 'slipway.yaml')
    expect(config.environments.staging['promote-to']).toBe('production')
    expect(config.environments.staging.strategy).toBe('rolling')
    expect(config.scan['fail-on']).toBe('high')
    expect(config.analysis?.metrics[0].direction).toBe('increase')
    expect(config.analysis?.metrics[0]['on-no-data']).toBe('inconclusive')
  })

  it('reports one error per mistake with file and line', () => {
    const broken = `image:
  repository: ghcr.io/acme/hello
  platform: linux/amd64
manifests:
  kustomize: deploy/{env}
environments:
  staging:
    namespace: hello-staging
    order: first
    promote-to: prod
  production:
    namespace: hello
    gates:
      soak: an hour
`
    expect(errorsOf(broken)).toEqual([
      'slipway.yaml:3: image.platform: unknown key',
      'slipway.yaml:9: environments.staging.order: expected number, received string',
      'slipway.yaml:14: environments.production.gates.soak: expected a duration such as 30s, 5m or 1h30m',
      'slipway.yaml:10: environments.staging.promote-to: environment "prod" is not defined under environments'
    ])
  })

  it('reports YAML syntax errors with their line', () => {
    const errors = errorsOf('image:\n  repository: [a\nenvironments: {}\n')
    expect(errors[0]).toMatch(/^slipway\.yaml:\d+: invalid YAML: /)
  })

  it('names a missing required key and where its parent is', () => {
    expect(
      errorsOf('environments:\n  staging:\n    namespace: s\nmanifests:\n  path: k8s\n')
    ).toEqual(['slipway.yaml:1: image: required'])
  })

  it('rejects duplicate keys', () => {
    const errors = errorsOf(valid + 'image:\n  repository: other\n')
    expect(errors[0]).toMatch(/^slipway\.yaml:\d+: invalid YAML: .*[Uu]nique/)
  })
})
