// Helm chart sources rendered by the real helm (scripts/tools.sh builds it from its Go module).
// What helm renders is the reference: the expected objects come from `helm template` run here
// directly, and broken copies of the chart make helm itself fail.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { parseConfig } from '../../src/core/config/index.js'
import { UserError } from '../../src/core/errors.js'
import { renderEnvironment, type RenderResult } from '../../src/core/manifests/pipeline.js'
import { runCommand } from '../../src/core/process.js'
import { helmBinary, helmOnPath } from '../support/tools.js'
import { copyFixture, digest, FIXTURES, type FixtureFile } from './render-helpers.js'

const CHART = path.join(FIXTURES, 'microservices-demo', 'helm-chart')
const REPOSITORY = 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend'

function boutiqueConfig(chart: string) {
  return parseConfig(
    `image:
  repository: ${REPOSITORY}
manifests:
  helm:
    chart: ${chart}
    values: [${chart}/values.yaml]
    set:
      networkPolicies.create: 'false'
      frontend.externalService: 'false'
environments:
  staging:
    namespace: boutique-staging
`,
    'slipway.yaml'
  )
}

const config = boutiqueConfig('microservices-demo/helm-chart')

type Object = {
  kind: string
  metadata: { name: string; namespace?: string }
  spec?: { template?: { spec: { containers: { name: string; image: string }[] } } }
}

/** `helm template` as a user would type it, parsed; empty documents dropped. */
async function helmTemplate(chart: string, args: string[]): Promise<Object[]> {
  const result = await runCommand(helmBinary(), ['template', 'staging', chart, ...args])
  if (result.exitCode !== 0) throw new Error(`helm template failed: ${result.stderr}`)
  return parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as Object | null)
    .filter((object): object is Object => object !== null)
}

const key = (o: Object) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`
const byKey = (objects: Object[]) => new Map(objects.map((o) => [key(o), o]))

/** A copy of the chart with `template` changed by `edit`; returns the repository of the copy. */
function brokenChart(template: string, edit: (text: string) => string): string {
  return copyFixture('microservices-demo/helm-chart', (files: FixtureFile[]) =>
    files.map((f) => (f.name === `templates/${template}` ? { ...f, text: edit(f.text) } : f))
  )
}

let restorePath: () => void
beforeAll(() => {
  restorePath = helmOnPath()
})
afterAll(() => restorePath())

describe('a Helm chart source', () => {
  let rendered: RenderResult

  it('renders what helm template renders with the values files, set values and namespace', async () => {
    rendered = await renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    const expected = byKey(
      await helmTemplate(CHART, [
        '--namespace=boutique-staging',
        `--values=${path.join(CHART, 'values.yaml')}`,
        '--set=networkPolicies.create=false,frontend.externalService=false'
      ])
    )
    const objects = rendered.objects.map((o) => o.object as unknown as Object)
    expect([...byKey(objects).keys()].sort()).toEqual([...expected.keys()].sort())
    // The set values took effect: neither the network policies nor the external Service.
    expect(objects.filter((o) => o.kind === 'NetworkPolicy')).toEqual([])
    expect(objects.map((o) => o.metadata.name)).not.toContain('frontend-external')
    // Post-render adds release labels; the pod spec is helm's.
    const frontend = 'Deployment/boutique-staging/frontend'
    const podSpec = (o?: Object) => o?.spec?.template?.spec
    expect(podSpec(objects.find((o) => key(o) === frontend))).toEqual(
      podSpec(expected.get(frontend))
    )
  })

  it('post-renders its output like any source: pinned, ordered, validated', async () => {
    const image = `${REPOSITORY}:v0.10.7@${digest('frontend')}`
    const result = await renderEnvironment({
      config,
      environment: 'staging',
      root: FIXTURES,
      image
    })
    expect(result.pinned).toEqual([
      expect.objectContaining({ to: `${REPOSITORY}@${digest('frontend')}`, container: 'server' })
    ])
    expect(result.release.version).toBe('v0.10.7')
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([])
    const kinds = result.objects.map((o) => o.id.kind)
    expect(kinds.lastIndexOf('ServiceAccount')).toBeLessThan(kinds.indexOf('Deployment'))
    expect(kinds.lastIndexOf('Service')).toBeLessThan(kinds.indexOf('Deployment'))
    const frontend = result.objects.find(
      (o) => o.id.kind === 'Deployment' && o.id.name === 'frontend'
    )
    expect(frontend?.source).toEqual({ file: path.join(CHART, 'templates', 'frontend.yaml') })
    // Everything else is what helm rendered.
    expect(result.objects.length).toBe(rendered.objects.length)
  })

  it('points a schema error at the template that produced the object', async () => {
    const root = brokenChart('frontend.yaml', (text) =>
      text.replace('- containerPort: 8080', '- containerPort: http')
    )
    const chart = path.join(root, 'manifests')
    const result = await renderEnvironment({
      config: boutiqueConfig('manifests'),
      environment: 'staging',
      root
    })
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([
      expect.objectContaining({
        message:
          'spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "http"',
        location: { file: path.join(chart, 'templates', 'frontend.yaml') }
      })
    ])
  })

  it.each([
    ['uses a function helm does not know', (text: string) => `{{ oops }}\n${text}`],
    ['renders YAML that does not parse', (text: string) => `${text}\n---\nkind: [unclosed\n`]
  ])(
    'fails in one line on the chart, with helm’s error naming the template, when a template %s',
    async (_, edit) => {
      const root = brokenChart('cartservice.yaml', edit)
      const chart = path.join(root, 'manifests')
      const direct = await runCommand(helmBinary(), ['template', 'staging', chart])
      expect(direct.exitCode).not.toBe(0)
      const helmError = direct.stderr.trim().split('\n')[0]
      expect(helmError).toContain('onlineboutique/templates/cartservice.yaml')

      const error = await renderEnvironment({
        config: boutiqueConfig('manifests'),
        environment: 'staging',
        root
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect(error).toMatchObject({
        message: `helm template failed: ${helmError}`,
        location: { file: chart }
      })
    }
  )
})

describe('a chart with a staging values file', () => {
  const ROOT = path.resolve('test', 'fixtures')
  const DIGEST = `sha256:${'ab'.repeat(32)}`
  const hello = parseConfig(
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
  const values = (file: string) =>
    parseAllDocuments(readFileSync(path.join(ROOT, 'charts', 'hello', file), 'utf8'))[0].toJS() as {
      replicaCount: number
    }

  it('applies values files and set values, pins the image and points objects at their templates', async () => {
    const result = await renderEnvironment({
      config: hello,
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
      { spec: { ports: { port: number }[] } },
      { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } }
    ]
    expect(service.spec.ports[0].port).toBe(8080)
    expect(values('values-staging.yaml').replicaCount).not.toBe(values('values.yaml').replicaCount)
    expect(deployment.spec.replicas).toBe(values('values-staging.yaml').replicaCount)
    expect(deployment.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${DIGEST}`)
    expect(result.objects[1].source).toEqual({
      file: path.join(ROOT, 'charts', 'hello', 'templates', 'deployment.yaml')
    })
  })

  it('renders byte-identical output twice', async () => {
    const request = { config: hello, environment: 'staging', root: ROOT }
    const [first, second] = [await renderEnvironment(request), await renderEnvironment(request)]
    expect(second.yaml).toBe(first.yaml)
    expect(second.hash).toBe(first.hash)
  })
})
