import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { runCli } from '../support/cli.js'
import { kubeJson, kubeResult, testKubeconfig, uniqueNamespace } from '../support/kube-cluster.js'
import { startKubeFaultProxy, type KubeFaultProxy } from '../support/kube-fault-proxy.js'
import { makeWorkspace } from '../support/workspace.js'

// API faults between slipway deploy and the real API server, injected by a proxy: retried when
// they pass, and when they persist the live release comes back and the deploy fails in one line;
// never a success for a half-applied set.

jest.setTimeout(300_000)

let proxy: KubeFaultProxy
const namespaces: string[] = []
beforeAll(async () => {
  proxy = await startKubeFaultProxy()
})
afterAll(async () => {
  await proxy.stop()
  await Promise.all(namespaces.map((ns) => kubeResult(['delete', 'namespace', ns, '--wait=false'])))
})

const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const patchOf = (plural: string) => (method: string, p: string) =>
  method === 'PATCH' && new RegExp(`/${plural}/[^/]+$`).test(p)

function app(prefix: string): { dir: string; ns: string } {
  const ns = uniqueNamespace(prefix)
  namespaces.push(ns)
  const dir = makeWorkspace(undefined, {
    'slipway.yaml': `image: { repository: registry.test/acme/shop }
manifests: { path: deploy }
environments:
  staging: { namespace: ${ns} }
deploy: { timeout: 90s }
`,
    'deploy/app.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: shop }
data: { mode: live }
---
apiVersion: v1
kind: Service
metadata: { name: shop }
spec:
  selector: { app: shop }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      containers: [{ name: shop, image: registry.test/acme/shop:latest, resources: { limits: { cpu: 100m, memory: 64Mi } } }]
`
  })
  return { dir, ns }
}

function deploy(dir: string, image: string, kubeconfig: string) {
  return runCli(
    [
      'deploy',
      '--env',
      'staging',
      '--image',
      `registry.test/acme/shop@${image}`,
      '--kubeconfig',
      kubeconfig
    ],
    dir
  )
}

async function liveImage(ns: string): Promise<string> {
  const d = await kubeJson<{ spec: { template: { spec: { containers: { image: string }[] } } } }>([
    '-n',
    ns,
    'get',
    'deployment',
    'shop'
  ])
  return d.spec.template.spec.containers[0].image
}

describe('slipway deploy through API faults', () => {
  test('500s, a 429 with Retry-After and a dropped connection during apply are retried, and the deploy succeeds', async () => {
    const a = app('faults-pass')
    proxy.setRules([
      { kind: '500', match: patchOf('deployments'), times: 2 },
      { kind: '429', match: patchOf('services'), times: 1 },
      { kind: 'drop', match: patchOf('configmaps'), times: 1 }
    ])
    const before = proxy.requests.length
    const run = await deploy(a.dir, digest('f1'), proxy.kubeconfig)
    expect(run.err).not.toMatch(/internal error/)
    expect(run.code).toBe(0)
    const faults = proxy.requests
      .slice(before)
      .filter((r) => r.fault)
      .map((r) => r.fault)
    expect(faults.sort()).toEqual(['429', '500', '500', 'drop'])
    expect(await liveImage(a.ns)).toBe(`registry.test/acme/shop@${digest('f1')}`)
  })

  test('a fault that persists through every retry fails the deploy in one line and the live release comes back', async () => {
    const a = app('faults-fail')
    proxy.setRules([])
    expect((await deploy(a.dir, digest('g1'), testKubeconfig())).code).toBe(0)
    // Six attempts is the retry budget of one request: every one of them fails, the restore
    // that follows goes through.
    proxy.setRules([{ kind: '500', match: patchOf('deployments'), times: 6 }])
    const run = await deploy(a.dir, digest('g2'), proxy.kubeconfig)
    expect(run.code).toBe(1)
    expect(run.out.trim()).toMatch(
      /^deploy of release 2 to staging failed: the cluster at https:\/\/127\.0\.0\.1:\d+ \(context slipway-test\) answered 500 while applying Deployment faults-fail-\w+\/shop: injected 500; release 1 is live again$/
    )
    expect(await liveImage(a.ns)).toBe(`registry.test/acme/shop@${digest('g1')}`)
    const history = await runCli(
      ['history', '--env', 'staging', '--kubeconfig', testKubeconfig(), '--format', 'json'],
      a.dir
    )
    expect(
      (JSON.parse(history.out) as { number: number; state: string }[]).map((r) => [
        r.number,
        r.state
      ])
    ).toEqual([
      [2, 'failed'],
      [1, 'deployed']
    ])
  })
})
