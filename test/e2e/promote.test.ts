// The promote bundle, run as the runner runs it, against the real control plane and the GitHub
// API double: a plan that changes nothing, then the promotion of the release live in staging,
// with its gate table in the summary and a GitHub deployment of production.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { runSlipwayAction } from '../support/actions.js'
import { runCli } from '../support/cli.js'
import { expectInputError, expectNoCrash, itReportsConfigMistakes } from '../support/contract.js'
import { startGitHubApi, type GitHubApiDouble } from '../support/github-api.js'
import { kubeJson, kubeResult, testKubeconfig, uniqueNamespace } from '../support/kube-cluster.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

jest.setTimeout(300_000)

const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
let api: GitHubApiDouble
const namespaces: string[] = []

beforeAll(async () => {
  api = await startGitHubApi({ repositories: [{ fullName: 'acme/hello' }] })
})
afterAll(async () => {
  await api.close()
  cleanupRuns()
  await Promise.all(namespaces.map((ns) => kubeResult(['delete', 'namespace', ns, '--wait=false'])))
})

describe('promote action', () => {
  itReportsConfigMistakes('promote', { from: 'staging', to: 'production' })

  it('names a missing required input', async () => {
    await expectInputError('promote', { to: 'production' }, 'input "from" is required')
  })

  it('needs `to` when the source environment has no promote-to', async () => {
    await expectInputError('promote', { from: 'production' }, 'input "to" is required')
  })

  it('names a target environment slipway.yaml does not define', async () => {
    await expectInputError(
      'promote',
      { from: 'staging', to: 'prod' },
      'input "environment": "prod" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  it('plans without changing anything, then promotes the live release of staging', async () => {
    const staging = uniqueNamespace('e2e-promote-a')
    const production = uniqueNamespace('e2e-promote-b')
    namespaces.push(staging, production)
    const workspace = makeWorkspace(undefined, {
      'slipway.yaml': `image: { repository: ghcr.io/acme/hello }
manifests: { path: deploy }
environments:
  staging: { namespace: ${staging}, promote-to: production }
  production:
    namespace: ${production}
    gates: { require-analysis: false }
deploy: { timeout: 90s }
`,
      'deploy/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: hello }
spec:
  replicas: 1
  selector: { matchLabels: { app: hello } }
  template:
    metadata: { labels: { app: hello } }
    spec:
      containers: [{ name: hello, image: ghcr.io/acme/hello:latest, resources: { limits: { cpu: 50m, memory: 32Mi } } }]
`
    })
    const deployed = await runCli(
      [
        'deploy',
        '--env',
        'staging',
        '--image',
        `ghcr.io/acme/hello@${digest('1')}`,
        '--scan-verdict',
        'pass',
        '--kubeconfig',
        testKubeconfig()
      ],
      workspace
    )
    expect(deployed.code).toBe(0)
    const inputs = { from: 'staging', kubeconfig: testKubeconfig() }

    const plan = await runSlipwayAction('promote', {
      workspace,
      apiUrl: api.url,
      token: api.token,
      inputs: { ...inputs, plan: 'true' }
    })
    expectNoCrash(plan)
    expect(plan.exitCode).toBe(0)
    expect(plan.outputs).toMatchObject({
      result: 'plan',
      'would-promote': 'true',
      'decision-needed': 'false',
      to: 'production'
    })
    expect((await kubeResult(['get', 'namespace', production])).code).not.toBe(0)
    expect(api.repository('acme/hello').deployments).toEqual([])

    const result = await runSlipwayAction('promote', {
      workspace,
      apiUrl: api.url,
      token: api.token,
      inputs
    })
    expectNoCrash(result)
    expect(result.annotations).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      result: 'promoted',
      to: 'production',
      'image-ref': `ghcr.io/acme/hello@${digest('1')}`,
      digest: digest('1'),
      release: '1',
      'would-promote': 'true'
    })
    expect(
      JSON.parse(result.outputs.gates).map((g: { gate: string; verdict: string }) => [
        g.gate,
        g.verdict
      ])
    ).toEqual([
      ['provenance', 'pass'],
      ['scan', 'pass']
    ])
    expect(result.summary).toContain('Promoted staging → production')
    expect(result.summary).toContain('the scan of release 1 passed')
    const live = await kubeJson<{
      spec: { template: { spec: { containers: { image: string }[] } } }
    }>(['-n', production, 'get', 'deployment', 'hello'])
    expect(live.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${digest('1')}`)

    const repo = api.repository('acme/hello')
    const [deployment] = repo.deployments.filter((d) => d.environment === 'production')
    expect(deployment.payload).toMatchObject({
      digest: digest('1'),
      release: 1,
      promotedFrom: { environment: 'staging', release: 1 }
    })
    expect(repo.statuses.filter((s) => s.deployment === deployment.id).map((s) => s.state)).toEqual(
      ['in_progress', 'success']
    )
    expect(api.violations()).toEqual([])

    const again = await runSlipwayAction('promote', { workspace, inputs })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.result).toBe('unchanged')
  })
})
