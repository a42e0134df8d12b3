// The real `helm template`, which cannot be installed on the development machine: this project
// (jest.config.js) exists only when SLIPWAY_TEST_HELM=1, and the `helm` job of
// .github/workflows/ci.yml sets it after installing Helm. test/integration/render-helm.test.ts
// covers the same path with a recorded `helm` everywhere else.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'

interface Service {
  spec: { ports: { port: number }[] }
}
interface Deployment {
  spec: { replicas: number; template: { spec: { containers: { image: string }[] } } }
}

const ROOT = path.resolve('test', 'fixtures')
const DIGEST = `sha256:${'ab'.repeat(32)}`

const config = parseConfig(
  `image:
  repository: ghcr.io/acme/hello
manifests:
  helm:
    chart: charts/hello
    values: [charts/hello/values-staging.yaml]
    set:
      service.port: '8080'
environments:
  staging:
    namespace: hello-staging
`,
  'slipway.yaml'
)

describe('a Helm chart rendered by the real helm', () => {
  it('applies values files and set values, pins the image and points objects at their templates', async () => {
    const result = await renderEnvironment({
      config,
      environment: 'staging',
      root: ROOT,
      image: `ghcr.io/acme/hello:1.2.3@${DIGEST}`
    })
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([])
    expect(result.objects.map((o) => `${o.id.kind}/${o.id.namespace}/${o.id.name}`)).toEqual([
      'Service/hello-staging/staging-hello',
      'Deployment/hello-staging/staging-hello'
    ])
    const [service, deployment] = result.objects.map((o) => o.object) as unknown as [
      Service,
      Deployment
    ]
    expect(service.spec.ports[0].port).toBe(8080)
    expect(deployment.spec.replicas).toBe(2)
    expect(deployment.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${DIGEST}`)
    expect(result.objects[1].source).toEqual({
      file: path.join(ROOT, 'charts', 'hello', 'templates', 'deployment.yaml')
    })
  })

  it('renders byte-identical output twice', async () => {
    const request = { config, environment: 'staging', root: ROOT }
    const [first, second] = [await renderEnvironment(request), await renderEnvironment(request)]
    expect(second.yaml).toBe(first.yaml)
    expect(second.hash).toBe(first.hash)
  })
})
