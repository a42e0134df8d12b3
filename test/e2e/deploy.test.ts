// The deploy bundle, run as the runner runs it, against the real control plane of scripts/kube.sh
// and the GitHub API double: releases in the cluster, GitHub deployments and their statuses, the
// summary, outputs, and the kubeconfig's credentials masked.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectInputError, expectNoCrash, itReportsConfigMistakes } from '../support/contract.js'
import { startGitHubApi, type GitHubApiDouble } from '../support/github-api.js'
import { kubeJson, kubeResult, testKubeconfig, uniqueNamespace } from '../support/kube-cluster.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

jest.setTimeout(300_000)

const valid = { environment: 'staging', 'image-ref': 'ghcr.io/acme/hello@sha256:' + 'a'.repeat(64) }
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

/** The kubeconfig of the test cluster with the client key inline, as CI secrets usually hold it. */
function inlineKubeconfig(file: string): string {
  const source = readFileSync(testKubeconfig(), 'utf8')
  const keyFile = /client-key: (.+)/.exec(source)?.[1] ?? ''
  const keyData = readFileSync(keyFile).toString('base64')
  writeFileSync(file, source.replace(/client-key: .+/, `client-key-data: ${keyData}`))
  return keyData
}

function workspaceFor(ns: string, behaviour?: string): string {
  const annotations = behaviour
    ? `\n      annotations: { kwok.slipway.test/behaviour: ${behaviour} }`
    : ''
  return makeWorkspace(undefined, {
    'slipway.yaml': `image: { repository: ghcr.io/acme/hello }
manifests: { path: deploy }
environments:
  staging: { namespace: ${ns}, url: "https://staging.hello.example" }
deploy: { timeout: 90s }
`,
    'deploy/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: hello }
spec:
  replicas: 2
  selector: { matchLabels: { app: hello } }
  template:
    metadata:
      labels: { app: hello }${annotations}
    spec:
      containers:
        - name: hello
          image: ghcr.io/acme/hello:latest
          resources: { limits: { cpu: 100m, memory: 64Mi } }
`
  })
}

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

  it('refuses a strategy this release does not carry out, before touching anything', async () => {
    await expectInputError(
      'deploy',
      { ...valid, environment: 'production' },
      'environment production uses the canary strategy, which this release of the deploy action does not carry out; set strategy: rolling (docs/deploy.md)'
    )
  })

  it('deploys, records the release in the cluster and on GitHub, and restores it when the next one crash-loops', async () => {
    const ns = uniqueNamespace('e2e-deploy')
    namespaces.push(ns)
    const first = makeWorkspaceWithKubeconfig(workspaceFor(ns))
    const good = digest('hello 1')
    const run1 = await runSlipwayAction('deploy', {
      workspace: first.dir,
      apiUrl: api.url,
      token: api.token,
      inputs: {
        environment: 'staging',
        'image-ref': `ghcr.io/acme/hello@${good}`,
        kubeconfig: 'kubeconfig',
        reason: 'first release'
      }
    })
    expectNoCrash(run1)
    expect(run1.annotations).toEqual([])
    expect(run1.exitCode).toBe(0)
    expect(run1.outputs).toMatchObject({
      release: '1',
      result: 'deployed',
      digest: good,
      url: 'https://staging.hello.example'
    })
    expect(run1.masked).toContain(first.keyData)
    expect(run1.leaked).toEqual([])
    expect(run1.log).not.toContain(first.keyData)
    expect(run1.summary).toContain('Deployed release 1 to staging')
    expect(run1.summary).not.toContain(first.keyData)

    const second = makeWorkspaceWithKubeconfig(workspaceFor(ns, 'crashloop'))
    const bad = digest('hello 2')
    const run2 = await runSlipwayAction('deploy', {
      workspace: second.dir,
      apiUrl: api.url,
      token: api.token,
      inputs: {
        environment: 'staging',
        'image-ref': `ghcr.io/acme/hello@${bad}`,
        kubeconfig: 'kubeconfig'
      }
    })
    expectNoCrash(run2)
    expect(run2.exitCode).toBe(1)
    expect(run2.annotations).toHaveLength(1)
    expect(run2.annotations[0].message).toMatch(
      /^deploy of release 2 to staging failed: Deployment .*\/hello failed to roll out: pod hello-\S+: CrashLoopBackOff: .*; release 1 is live again$/
    )
    expect(run2.summary).toContain('Deploy of release 2 to staging failed')
    const live = await kubeJson<{
      spec: { template: { spec: { containers: { image: string }[] } } }
    }>(['-n', ns, 'get', 'deployment', 'hello'])
    expect(live.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${good}`)

    const repo = api.repository('acme/hello')
    const deployments = repo.deployments.filter((d) => d.environment === 'staging')
    expect(deployments.map((d) => (d.payload as { digest?: string }).digest)).toEqual([good, bad])
    const states = (id: number) =>
      repo.statuses.filter((s) => s.deployment === id).map((s) => s.state)
    expect(states(deployments[0].id)).toEqual(['in_progress', 'success'])
    expect(states(deployments[1].id)).toEqual(['in_progress', 'failure'])
    expect(
      repo.statuses.filter((s) => s.deployment === deployments[1].id).at(-1)?.description
    ).toBe('release 2 failed; release 1 restored')
    expect(api.violations()).toEqual([])
  })
})

function makeWorkspaceWithKubeconfig(dir: string): { dir: string; keyData: string } {
  const keyData = inlineKubeconfig(path.join(dir, 'kubeconfig'))
  return { dir, keyData }
}
