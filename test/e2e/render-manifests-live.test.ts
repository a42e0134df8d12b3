// The render-manifests bundle, run as the runner runs it, diffing against the live objects of the
// test cluster's real API server (scripts/kube.sh), in a namespace of this file's own, with the
// running release applied by the real kubectl. The action's requests go through the fault proxy
// (no faults), which records them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectNoCrash } from '../support/contract.js'
import {
  clientKeyData,
  kube,
  KUBE_CONTEXT,
  uniqueNamespace,
  writeKubeconfig
} from '../support/kube-cluster.js'
import { startKubeFaultProxy, type KubeFaultProxy } from '../support/kube-fault-proxy.js'
import { kubectl } from '../support/kubectl.js'
import { cleanupRuns } from '../support/runner.js'
import { appWorkspace } from '../support/workspace.js'

const NS = uniqueNamespace('render-live')
const IMAGE = (n: string) => `ghcr.io/acme/hello:1.0.0@sha256:${n.repeat(64)}`

let proxy: KubeFaultProxy

beforeAll(async () => {
  await kube(['create', 'namespace', NS])
  proxy = await startKubeFaultProxy()
  // The running release: rendered by the bundle, applied with slipway's field manager.
  const first = await runSlipwayAction('render-manifests', {
    workspace: appWorkspace(NS),
    inputs: { environment: 'staging', image: IMAGE('a') }
  })
  expect(first.exitCode).toBe(0)
  const kubeconfig = writeKubeconfig(path.join(first.runnerTemp, 'kubeconfig'))
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
  await proxy?.stop()
  await kube(['delete', 'namespace', NS, '--wait=false'])
  cleanupRuns()
})

describe('render-manifests with a kubeconfig', () => {
  it('writes the diff against the live objects to the summary and the outputs, the key masked', async () => {
    const workspace = appWorkspace(NS)
    writeKubeconfig(path.join(workspace, 'kubeconfig'), { server: proxy.url })
    const before = proxy.requests.length
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', image: IMAGE('b'), kubeconfig: 'kubeconfig' }
    })
    expectNoCrash(result)
    expect(result.exitCode).toBe(0)
    expect(result.masked).toContain(clientKeyData())
    expect(result.leaked).toEqual([])
    expect(result.outputs.changed).toBe('true')
    const diff = readFileSync(result.outputs.diff, 'utf8')
    expect(diff).toContain(
      `0 added, 1 changed, 0 removed, 1 unchanged, compared with the live objects (context ${KUBE_CONTEXT}).`
    )
    expect(diff).toContain(
      `| changed | Deployment ${NS}/hello | \`spec.template.spec.containers[hello].image\` |`
    )
    expect(result.summary).toContain(diff.trim().split('\n')[2])
    // The action read the objects; it wrote nothing.
    const sent = proxy.requests.slice(before)
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('reads the kubeconfig from KUBECONFIG with live: true, and the context from slipway.yaml', async () => {
    const workspace = appWorkspace(NS)
    const config = readFileSync(path.join(workspace, 'slipway.yaml'), 'utf8')
    writeFileSync(
      path.join(workspace, 'slipway.yaml'),
      config.replace(`    namespace: ${NS}\n`, `    namespace: ${NS}\n    context: kind-staging\n`)
    )
    const kubeconfig = writeKubeconfig(path.join(workspace, '..', 'kubeconfig'), {
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

  it('fails in one annotation when the credentials are refused, the token masked', async () => {
    const workspace = appWorkspace(NS)
    writeKubeconfig(path.join(workspace, 'kubeconfig'), { token: 'expired-token' })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', image: IMAGE('b'), kubeconfig: 'kubeconfig' }
    })
    expectNoCrash(result)
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      new RegExp(
        `^the cluster at https://127\\.0\\.0\\.1:\\d+ \\(context ${KUBE_CONTEXT}\\) refused the kubeconfig's credentials \\(401 Unauthorized\\) while reading `
      )
    )
    expect(result.masked).toContain('expired-token')
    expect(result.outputs.diff).toBeUndefined()
  })
})
