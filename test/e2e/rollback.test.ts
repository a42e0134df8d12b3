// The rollback bundle, run as the runner runs it, against the real control plane and the GitHub
// API double: back to the release before the live one, the summary from -> to, the GitHub
// deployment of the rollback, and the kubeconfig's credentials masked.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
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

describe('rollback action', () => {
  itReportsConfigMistakes('rollback', { environment: 'production', reason: 'bad release' })

  it('names a missing or unknown environment, and a missing reason', async () => {
    await expectInputError('rollback', { reason: 'x' }, 'input "environment" is required')
    await expectInputError(
      'rollback',
      { environment: 'live', reason: 'x' },
      'input "environment": "live" is not defined in slipway.yaml (known: staging, production)'
    )
    await expectInputError('rollback', { environment: 'staging' }, 'input "reason" is required')
  })

  it('rolls back to the release before the live one and records it', async () => {
    const ns = uniqueNamespace('e2e-rollback')
    namespaces.push(ns)
    const workspace = makeWorkspace(undefined, {
      'slipway.yaml': `image: { repository: ghcr.io/acme/hello }\nmanifests: { path: deploy }\nenvironments:\n  staging: { namespace: ${ns} }\ndeploy: { timeout: 90s }\n`,
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
    for (const n of ['1', '2']) {
      const run = await runCli(
        [
          'deploy',
          '--env',
          'staging',
          '--image',
          `ghcr.io/acme/hello@${digest(n)}`,
          '--kubeconfig',
          testKubeconfig()
        ],
        workspace
      )
      expect(run.code).toBe(0)
    }
    const source = readFileSync(testKubeconfig(), 'utf8')
    const keyData = readFileSync(/client-key: (.+)/.exec(source)?.[1] ?? '').toString('base64')
    writeFileSync(
      path.join(workspace, 'kubeconfig'),
      source.replace(/client-key: .+/, `client-key-data: ${keyData}`)
    )

    const result = await runSlipwayAction('rollback', {
      workspace,
      apiUrl: api.url,
      token: api.token,
      inputs: { environment: 'staging', reason: 'errors since release 2', kubeconfig: 'kubeconfig' }
    })
    expectNoCrash(result)
    expect(result.annotations).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({
      release: '1',
      'image-ref': `ghcr.io/acme/hello@${digest('1')}`,
      digest: digest('1')
    })
    expect(result.masked).toContain(keyData)
    expect(result.leaked).toEqual([])
    expect(result.summary).toContain('Rolled staging back to release 1')
    expect(result.summary).toContain(digest('2'))
    expect(result.summary).toContain('errors since release 2')
    expect(result.summary).not.toContain(keyData)
    const live = await kubeJson<{
      spec: { template: { spec: { containers: { image: string }[] } } }
    }>(['-n', ns, 'get', 'deployment', 'hello'])
    expect(live.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${digest('1')}`)

    const repo = api.repository('acme/hello')
    const [deployment] = repo.deployments.filter((d) => d.environment === 'staging')
    expect(deployment.payload).toMatchObject({ digest: digest('1'), release: 1, rollbackFrom: 2 })
    expect(repo.statuses.filter((s) => s.deployment === deployment.id).map((s) => s.state)).toEqual(
      ['in_progress', 'success']
    )
    expect(api.violations()).toEqual([])
  })
})
