// Helm cannot be installed here: a fake `helm` on PATH records its command line and prints
// canned `helm template` output (test/fixtures/manifests/helm-template-frontend.yaml, the
// chart's frontend template rendered with its default values). CI runs the real helm.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { UserError } from '../../src/core/errors.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'
import { digest, FIXTURES } from './render-helpers.js'

const CANNED = path.resolve('test', 'fixtures', 'manifests', 'helm-template-frontend.yaml')
const CHART = path.join(FIXTURES, 'microservices-demo', 'helm-chart')
const REPOSITORY = 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend'

let bin: string
let savedPath: string | undefined

function fakeHelm(output: string, exitCode = 0, stderr = '') {
  writeFileSync(path.join(bin, 'output.yaml'), output)
  writeFileSync(
    path.join(bin, 'helm'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > "${bin}/args"`,
      `cat "${bin}/output.yaml"`,
      stderr ? `echo '${stderr}' >&2` : '',
      `exit ${exitCode}`
    ].join('\n')
  )
  chmodSync(path.join(bin, 'helm'), 0o755)
}

function argsSeen(): string[] {
  return readFileSync(path.join(bin, 'args'), 'utf8').trimEnd().split('\n')
}

const config = parseConfig(
  `image:
  repository: ${REPOSITORY}
manifests:
  helm:
    chart: microservices-demo/helm-chart
    values: [microservices-demo/helm-chart/values.yaml]
    set:
      networkPolicies.create: 'false'
      frontend.externalService: 'false'
environments:
  staging:
    namespace: boutique-staging
`,
  'slipway.yaml'
)

beforeEach(() => {
  bin = mkdtempSync(path.join(tmpdir(), 'slipway-helm-'))
  savedPath = process.env.PATH
  process.env.PATH = `${bin}${path.delimiter}${savedPath}`
})

afterEach(() => {
  process.env.PATH = savedPath
})

describe('a Helm chart source', () => {
  it('runs helm template with the release, namespace, values and set values, sorted', async () => {
    fakeHelm(readFileSync(CANNED, 'utf8'))
    await renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    expect(argsSeen()).toEqual([
      'template',
      'staging',
      CHART,
      '--namespace',
      'boutique-staging',
      '--include-crds',
      '--skip-tests',
      '--values',
      path.join(CHART, 'values.yaml'),
      '--set',
      'frontend.externalService=false',
      '--set',
      'networkPolicies.create=false'
    ])
  })

  it('post-renders its output like any source: pinned, ordered, validated', async () => {
    fakeHelm(readFileSync(CANNED, 'utf8'))
    const image = `${REPOSITORY}:v0.10.7@${digest('frontend')}`
    const result = await renderEnvironment({
      config,
      environment: 'staging',
      root: FIXTURES,
      image
    })
    expect(result.objects.map((o) => `${o.id.kind}/${o.id.name}`)).toEqual([
      'ServiceAccount/frontend',
      'Service/frontend',
      'Deployment/frontend'
    ])
    expect(result.pinned).toEqual([
      expect.objectContaining({ to: `${REPOSITORY}@${digest('frontend')}`, container: 'server' })
    ])
    expect(result.release.version).toBe('v0.10.7')
    expect(result.findings).toEqual([])
    expect(result.objects[2].source).toEqual({
      file: path.join(CHART, 'templates', 'frontend.yaml')
    })
  })

  it('points a schema error at the template that produced the object', async () => {
    fakeHelm(readFileSync(CANNED, 'utf8').replace('- containerPort: 8080', '- containerPort: http'))
    const result = await renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    expect(result.findings).toEqual([
      expect.objectContaining({
        level: 'error',
        message:
          'spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "http"',
        location: { file: path.join(CHART, 'templates', 'frontend.yaml') }
      })
    ])
  })

  it('reports output that is not YAML at its template', async () => {
    fakeHelm('---\n# Source: onlineboutique/templates/cart.yaml\nkind: [unclosed\n')
    await expect(
      renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^the rendered template is not valid YAML: invalid YAML/),
      location: { file: path.join(CHART, 'templates', 'cart.yaml') }
    })
  })

  it('reports a helm failure as one error on the chart', async () => {
    fakeHelm(
      '',
      1,
      'Error: template: onlineboutique/templates/frontend.yaml:3: function "oops" not defined'
    )
    const error = await renderEnvironment({ config, environment: 'staging', root: FIXTURES }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error).toMatchObject({
      message:
        'helm template failed: Error: template: onlineboutique/templates/frontend.yaml:3: function "oops" not defined',
      location: { file: CHART }
    })
  })
})
