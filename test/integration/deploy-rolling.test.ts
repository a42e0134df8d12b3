import { afterAll, describe, expect, jest, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { applySetId } from '../../src/core/kube/applyset.js'
import { runCli } from '../support/cli.js'
import {
  kube,
  kubeJson,
  kubeResult,
  testKubeconfig,
  uniqueNamespace
} from '../support/kube-cluster.js'
import { makeWorkspace } from '../support/workspace.js'

// slipway deploy (rolling) against the real control plane: releases recorded in the cluster,
// server-side apply as an ApplySet with prune, waiting with reasons, automatic restore of the
// live release, pre-rollout hooks, the lock, conflicts and dry runs. What runs is checked with
// the real kubectl.

jest.setTimeout(300_000)

const namespaces: string[] = []
afterAll(async () => {
  await Promise.all(namespaces.map((ns) => kubeResult(['delete', 'namespace', ns, '--wait=false'])))
})

function digestOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

interface App {
  dir: string
  ns: string
  deploy: (digest: string, extra?: string[]) => Promise<{ code: number; out: string; err: string }>
  write: (files: Record<string, string>) => void
}

function deployment(options: { behaviour?: string; replicas?: number } = {}): string {
  const annotations = options.behaviour
    ? `\n      annotations: { kwok.slipway.test/behaviour: ${options.behaviour}, kwok.slipway.test/message: "panic: DATABASE_URL is not set" }`
    : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop }
spec:
  replicas: ${options.replicas ?? 2}
  selector: { matchLabels: { app: shop } }
  template:
    metadata:
      labels: { app: shop }${annotations}
    spec:
      containers:
        - name: shop
          image: registry.test/acme/shop:latest
          resources: { limits: { cpu: 100m, memory: 64Mi }, requests: { cpu: 10m, memory: 32Mi } }
`
}

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: shop }
spec:
  selector: { app: shop }
  ports: [{ port: 80, targetPort: 8080 }]
`

function app(prefix: string, files: Record<string, string> = {}): App {
  const ns = uniqueNamespace(prefix)
  namespaces.push(ns)
  const dir = makeWorkspace(undefined, {
    'slipway.yaml': `version: 1
image: { repository: registry.test/acme/shop }
manifests: { path: deploy }
environments:
  staging: { namespace: ${ns} }
deploy: { timeout: 90s, lock-timeout: 2m }
`,
    'deploy/service.yaml': SERVICE,
    'deploy/deployment.yaml': deployment(),
    ...files
  })
  const a: App = {
    dir,
    ns,
    write(more) {
      makeWorkspaceInto(dir, more)
    },
    deploy: (digest, extra = []) =>
      runCli(
        [
          'deploy',
          '--env',
          'staging',
          '--image',
          `registry.test/acme/shop@${digest}`,
          '--kubeconfig',
          testKubeconfig(),
          ...extra
        ],
        dir
      )
  }
  return a
}

/** Writes files into the workspace; an empty content removes the file. */
function makeWorkspaceInto(dir: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file)
    mkdirSync(path.dirname(full), { recursive: true })
    if (content === '') rmSync(full, { force: true })
    else writeFileSync(full, content)
  }
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

async function history(
  a: App
): Promise<{ number: number; state: string; digest: string | null }[]> {
  const run = await runCli(
    ['history', '--env', 'staging', '--kubeconfig', testKubeconfig(), '--format', 'json'],
    a.dir
  )
  expect(run.code).toBe(0)
  return JSON.parse(run.out)
}

describe('slipway deploy, rolling, against the real control plane', () => {
  test('deploys, then restores the live release when the next one crash-loops', async () => {
    const a = app('deploy-roll')
    const good = digestOf('shop 1')
    const first = await a.deploy(good)
    expect(first.err).not.toMatch(/internal error/)
    expect(first.code).toBe(0)
    expect(first.out).toContain('release 1 is live in staging')
    expect(await liveImage(a.ns)).toBe(`registry.test/acme/shop@${good}`)
    expect(
      await kube(['-n', a.ns, 'rollout', 'status', 'deployment/shop', '--timeout', '5s'])
    ).toContain('successfully rolled out')

    a.write({ 'deploy/deployment.yaml': deployment({ behaviour: 'crashloop' }) })
    const bad = digestOf('shop 2')
    const second = await a.deploy(bad)
    expect(second.code).toBe(1)
    expect(second.out).toMatch(
      /release 2 to staging failed: Deployment .*\/shop failed to roll out: pod shop-[a-z0-9-]+: CrashLoopBackOff: container shop \(\d+ restarts; last exit 1 Error: panic: DATABASE_URL is not set\); release 1 is live again/
    )
    expect(await liveImage(a.ns)).toBe(`registry.test/acme/shop@${good}`)
    expect(
      await kube(['-n', a.ns, 'rollout', 'status', 'deployment/shop', '--timeout', '60s'])
    ).toContain('successfully rolled out')
    const releases = await history(a)
    expect(releases.map((r) => [r.number, r.state, r.digest])).toEqual([
      [2, 'failed', bad],
      [1, 'deployed', good]
    ])
    const status = await runCli(
      ['status', '--env', 'staging', '--kubeconfig', testKubeconfig()],
      a.dir
    )
    expect(status.code).toBe(0)
    expect(status.out).toContain(`release 1 is live, registry.test/acme/shop@${good}`)

    a.write({ 'deploy/deployment.yaml': deployment() })
    const third = await a.deploy(digestOf('shop 3'))
    expect(third.code).toBe(0)
    expect((await history(a)).map((r) => [r.number, r.state])).toEqual([
      [3, 'deployed'],
      [2, 'failed'],
      [1, 'superseded']
    ])
  })

  test('an image that cannot be pulled fails at once with the image named, and the first release has nothing to restore', async () => {
    const a = app('deploy-pull', {
      'deploy/deployment.yaml': deployment({ behaviour: 'image-pull' })
    })
    const run = await a.deploy(digestOf('missing'))
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      `ImagePullBackOff: container shop cannot pull registry.test/acme/shop@${digestOf('missing')}`
    )
    expect(run.out).toContain('there was no earlier release to restore')
    expect((await history(a)).map((r) => r.state)).toEqual(['failed'])
  })

  test('prunes what the previous release had and this one has not, and nothing else', async () => {
    const extra = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: shop-extra }\ndata: { mode: old }\n`
    const a = app('deploy-prune', { 'deploy/extra.yaml': extra })
    expect((await a.deploy(digestOf('p1'))).code).toBe(0)
    // An object of the same kind in the namespace that slipway did not apply.
    await kube(['-n', a.ns, 'create', 'configmap', 'not-ours', '--from-literal=k=v'])
    const id = applySetId({ name: 'slipway-staging', namespace: a.ns, kind: 'Secret', group: '' })
    const members = await kube([
      '-n',
      a.ns,
      'get',
      'configmaps,services,deployments',
      '-l',
      `applyset.kubernetes.io/part-of=${id}`,
      '-o',
      'name'
    ])
    expect(members.trim().split('\n').sort()).toEqual([
      'configmap/shop-extra',
      'deployment.apps/shop',
      'service/shop'
    ])

    a.write({ 'deploy/extra.yaml': '' })
    const run = await a.deploy(digestOf('p2'), ['--format', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out).pruned).toEqual([`ConfigMap ${a.ns}/shop-extra`])
    expect((await kubeResult(['-n', a.ns, 'get', 'configmap', 'shop-extra'])).code).not.toBe(0)
    expect((await kubeResult(['-n', a.ns, 'get', 'configmap', 'not-ours'])).code).toBe(0)
    const parent = await kubeJson<{
      metadata: { labels: Record<string, string>; annotations: Record<string, string> }
    }>(['-n', a.ns, 'get', 'secret', 'slipway-staging'])
    expect(parent.metadata.labels['applyset.kubernetes.io/id']).toBe(id)
    expect(parent.metadata.annotations['applyset.kubernetes.io/contains-group-kinds']).toBe(
      'Deployment.apps,Service'
    )
  })

  test('the ApplySet id is the one kubectl computes for the same parent', async () => {
    const ns = uniqueNamespace('applyset-id')
    namespaces.push(ns)
    await kube(['create', 'namespace', ns])
    const dir = makeWorkspace(undefined, {
      'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: probe, namespace: ${ns} }\ndata: { k: v }\n`
    })
    process.env.KUBECTL_APPLYSET = 'true'
    try {
      await kube([
        '-n',
        ns,
        'apply',
        '--server-side',
        '--prune',
        '--applyset=slipway-staging',
        '-f',
        `${dir}/cm.yaml`
      ])
    } finally {
      delete process.env.KUBECTL_APPLYSET
    }
    const parent = await kubeJson<{ metadata: { labels: Record<string, string> } }>([
      '-n',
      ns,
      'get',
      'secret',
      'slipway-staging'
    ])
    expect(parent.metadata.labels['applyset.kubernetes.io/id']).toBe(
      applySetId({ name: 'slipway-staging', namespace: ns, kind: 'Secret', group: '' })
    )
  })

  test('a failing pre-rollout job stops the deploy before any workload changes', async () => {
    const a = app('deploy-hook')
    const good = digestOf('h1')
    expect((await a.deploy(good)).code).toBe(0)
    a.write({
      'deploy/migrate.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations: { slipway.dev/hook: pre-rollout }
spec:
  backoffLimit: 0
  template:
    metadata: { annotations: { kwok.slipway.test/behaviour: fail } }
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: registry.test/acme/shop:latest }]
`
    })
    const run = await a.deploy(digestOf('h2'))
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /release 2 to staging failed: pre-rollout hook Job .*\/migrate failed to roll out: pod migrate-\w+: Failed: container migrate \(0 restarts; last exit 1 Error\); no workload was changed$/m
    )
    expect(await liveImage(a.ns)).toBe(`registry.test/acme/shop@${good}`)
    const generation = await kubeJson<{ metadata: { generation: number } }>([
      '-n',
      a.ns,
      'get',
      'deployment',
      'shop'
    ])
    expect(generation.metadata.generation).toBe(1)
  })

  test('a field another manager owns is a conflict naming the field, unless forced', async () => {
    const a = app('deploy-conflict')
    expect((await a.deploy(digestOf('c1'))).code).toBe(0)
    const patch = await kubeResult([
      '-n',
      a.ns,
      'patch',
      'deployment',
      'shop',
      '--field-manager',
      'hotfix',
      '--type',
      'merge',
      '-p',
      '{"spec":{"replicas":3}}'
    ])
    expect(patch.code).toBe(0)
    const run = await a.deploy(digestOf('c2'))
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Deployment .*\/shop: fields owned by another field manager: \.spec\.replicas \(conflict with "hotfix"/
    )
    a.write({
      'slipway.yaml': readFileSync(path.join(a.dir, 'slipway.yaml'), 'utf8').replace(
        'lock-timeout: 2m',
        'lock-timeout: 2m, force-conflicts: true'
      )
    })
    const forced = await a.deploy(digestOf('c3'))
    expect(forced.code).toBe(0)
    const d = await kubeJson<{ spec: { replicas: number } }>([
      '-n',
      a.ns,
      'get',
      'deployment',
      'shop'
    ])
    expect(d.spec.replicas).toBe(2)
  })

  test('two deploys of one environment at once: one waits for the other, and the history stays whole', async () => {
    const a = app('deploy-lock')
    const [one, two] = await Promise.all([a.deploy(digestOf('l1')), a.deploy(digestOf('l2'))])
    expect([one.code, two.code]).toEqual([0, 0])
    expect(one.err + two.err).toMatch(/lock: waiting for /)
    const releases = await history(a)
    expect(releases.map((r) => r.number)).toEqual([2, 1])
    expect(releases.map((r) => r.state)).toEqual(['deployed', 'superseded'])
    const lease = await kubeJson<{ spec: { holderIdentity?: string } }>([
      '-n',
      a.ns,
      'get',
      'lease',
      'slipway-staging'
    ])
    expect(lease.spec.holderIdentity).toBeUndefined()
  })

  test('a dry run changes nothing', async () => {
    const a = app('deploy-dry')
    await kube(['create', 'namespace', a.ns])
    const run = await a.deploy(digestOf('d1'), ['--dry-run'])
    expect(run.code).toBe(0)
    expect(run.out).toContain('dry run: 2 objects would be applied, 0 pruned; nothing was changed')
    expect((await kubeResult(['-n', a.ns, 'get', 'deployment', 'shop'])).code).not.toBe(0)
    expect((await kube(['-n', a.ns, 'get', 'secrets', '-o', 'name'])).trim()).toBe('')
  })
})
