// The render-manifests bundle, run as the runner runs it, diffing against the live objects of a
// cluster: the Kubernetes API double, with the running release applied by the real kubectl.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectNoCrash } from '../support/contract.js'
import { KubeApiDouble } from '../support/kube-api.js'
import { kubectl } from '../support/kubectl.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

const NS = 'hello-staging'
const IMAGE = (n: string) => `ghcr.io/acme/hello:1.0.0@sha256:${n.repeat(64)}`

let api: KubeApiDouble

beforeAll(async () => {
  api = await KubeApiDouble.start({ rolloutDelayMs: 10 })
  api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } })
  // The running release: rendered by the bundle, applied with slipway's field manager.
  const first = await runSlipwayAction('render-manifests', {
    workspace: makeWorkspace('app'),
    inputs: { environment: 'staging', image: IMAGE('a') }
  })
  expect(first.exitCode).toBe(0)
  const kubeconfig = api.writeKubeconfig(path.join(first.runnerTemp, 'kubeconfig'))
  const applied = await kubectl(kubeconfig, [
    'apply',
    '--server-side',
    '--field-manager=slipway',
    '-f',
    first.outputs.manifests
  ])
  expect(applied.stderr).toBe('')
})

afterAll(async () => {
  await api.close()
  cleanupRuns()
})

describe('render-manifests with a kubeconfig', () => {
  it('writes the diff against the live objects to the summary and the outputs, the token masked', async () => {
    const workspace = makeWorkspace('app')
    api.writeKubeconfig(path.join(workspace, 'kubeconfig'))
    const before = api.requests().length
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', image: IMAGE('b'), kubeconfig: 'kubeconfig' }
    })
    expectNoCrash(result)
    expect(result.exitCode).toBe(0)
    expect(result.masked).toContain(api.token)
    expect(result.leaked).toEqual([])
    expect(result.outputs.changed).toBe('true')
    const diff = readFileSync(result.outputs.diff, 'utf8')
    expect(diff).toContain(
      '0 added, 1 changed, 0 removed, 1 unchanged, compared with the live objects (context double).'
    )
    expect(diff).toContain(
      `| changed | Deployment ${NS}/hello | \`spec.template.spec.containers[hello].image\` |`
    )
    expect(result.summary).toContain(diff.trim().split('\n')[2])
    // The action read the objects; it wrote nothing.
    const sent = api.requests().slice(before)
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('reads the kubeconfig from KUBECONFIG with live: true, and the context from slipway.yaml', async () => {
    const workspace = makeWorkspace('app')
    const config = readFileSync(path.join(workspace, 'slipway.yaml'), 'utf8')
    writeFileSync(
      path.join(workspace, 'slipway.yaml'),
      config.replace(`    namespace: ${NS}\n`, `    namespace: ${NS}\n    context: kind-staging\n`)
    )
    const kubeconfig = api.writeKubeconfig(path.join(workspace, '..', 'kubeconfig'), {
      extraContexts: { 'kind-staging': NS }
    })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', image: IMAGE('a'), live: 'true' },
      env: { KUBECONFIG: kubeconfig }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('false')
    expect(readFileSync(result.outputs.diff, 'utf8')).toContain(
      '0 added, 0 changed, 0 removed, 2 unchanged, compared with the live objects (context kind-staging).'
    )
  })

  it('fails in one annotation when the credentials are refused', async () => {
    const workspace = makeWorkspace('app')
    api.writeKubeconfig(path.join(workspace, 'kubeconfig'), { token: 'expired-token' })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', image: IMAGE('b'), kubeconfig: 'kubeconfig' }
    })
    expectNoCrash(result)
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      /^the cluster at https:\/\/127\.0\.0\.1:\d+ \(context double\) refused the kubeconfig's credentials \(401 Unauthorized\) while reading /
    )
    expect(result.masked).toContain('expired-token')
    expect(result.outputs.diff).toBeUndefined()
  })
})
