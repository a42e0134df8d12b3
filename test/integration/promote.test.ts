import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import { kubeJson, kubeResult, testKubeconfig, uniqueNamespace } from '../support/kube-cluster.js'
import { startProxy, type RegistryProxy } from '../support/registry-proxy.js'
import { pushRandomImage, resolveDigest, uniqueRepository } from '../support/registry.js'
import { services } from '../support/services.js'
import { makeWorkspace } from '../support/workspace.js'

// slipway promote against the real control plane and the real registry: release records
// written by real deploys of the source environment, the gates on them, the copy to the
// target's own repository (through a logging proxy, to see that blobs are mounted and not
// uploaded), the deploy of the target and its restore. What runs is read back with kubectl and
// the registry's API, not with slipway.

jest.setTimeout(300_000)

let registry: string
let proxy: RegistryProxy
const namespaces: string[] = []

beforeAll(async () => {
  registry = services().registry
  proxy = await startProxy(registry)
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await Promise.all(namespaces.map((ns) => kubeResult(['delete', 'namespace', ns, '--wait=false'])))
})

function deployment(behaviour?: string): string {
  const annotations = behaviour
    ? `\n      annotations: { kwok.slipway.test/behaviour: ${behaviour} }`
    : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: shop } }
  template:
    metadata:
      labels: { app: shop }${annotations}
    spec:
      containers:
        - name: shop
          image: shop:latest
          resources: { limits: { cpu: 100m, memory: 64Mi }, requests: { cpu: 10m, memory: 32Mi } }
`
}

interface Setup {
  dir: string
  staging: string
  production: string
  repoA: string
  repoB: string
  write: (files: Record<string, string>) => void
  cli: (args: string[]) => Promise<{ code: number; out: string; err: string }>
}

function setup(production: string): Setup {
  const staging = uniqueNamespace('promote-a')
  const prod = uniqueNamespace('promote-b')
  namespaces.push(staging, prod)
  const repoA = uniqueRepository('promote/shop')
  const repoB = `${repoA}-prod`
  const config = `version: 1
image: { repository: ${proxy.host}/${repoA} }
manifests: { path: deploy, image: shop }
environments:
  staging: { namespace: ${staging}, promote-to: production }
  production:
    namespace: ${prod}
    manifests: { path: deploy-prod, image: shop }
${production.replaceAll('{repoB}', `${proxy.host}/${repoB}`)}
deploy: { timeout: 60s, lock-timeout: 2m }
`
  const dir = makeWorkspace(undefined, {
    'slipway.yaml': config,
    'deploy/deployment.yaml': deployment(),
    'deploy-prod/deployment.yaml': deployment()
  })
  const write = (files: Record<string, string>) => {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), content)
    }
  }
  const cli = (args: string[]) => runCli([...args, '--kubeconfig', testKubeconfig()], dir)
  return { dir, staging, production: prod, repoA, repoB, write, cli }
}

async function deployStaging(s: Setup, digest: string, extra: string[] = []) {
  const run = await s.cli([
    'deploy',
    '--env',
    'staging',
    '--image',
    `${proxy.host}/${s.repoA}@${digest}`,
    ...extra
  ])
  expect(run).toMatchObject({ code: 0 })
}

/** The image of the Deployment in a namespace, per kubectl; undefined when there is none. */
async function runningImage(ns: string): Promise<string | undefined> {
  const result = await kubeResult(['-n', ns, 'get', 'deployment', 'shop', '-o', 'json'])
  if (result.code !== 0) return undefined
  const d = JSON.parse(result.stdout) as {
    spec: { template: { spec: { containers: { image: string }[] } } }
  }
  return d.spec.template.spec.containers[0].image
}

/** Release Secrets of an environment, per kubectl: number -> state. */
async function releasesIn(ns: string, env: string): Promise<Record<string, string>> {
  const list = await kubeJson<{ items: { metadata: { labels: Record<string, string> } }[] }>([
    '-n',
    ns,
    'get',
    'secrets',
    '-l',
    `slipway.dev/release-of=${env}`
  ])
  return Object.fromEntries(
    list.items.map((s) => [
      s.metadata.labels['slipway.dev/release-number'],
      s.metadata.labels['slipway.dev/release-state']
    ])
  )
}

const changing = (from: number) =>
  proxy.requests.slice(from).filter((r) => r.method !== 'GET' && r.method !== 'HEAD')

describe('slipway promote, against the real control plane and registry', () => {
  test('plans without changing anything, copies by mounting, deploys, then is idempotent and refuses a downgrade', async () => {
    const s = setup(`    image: '{repoB}'
    gates: { require-analysis: false, soak: 1s }`)
    const v1 = await pushRandomImage(registry, s.repoA, 'v1', { layers: [200_000, 50_000] })
    await deployStaging(s, v1.digest, ['--scan-verdict', 'pass'])
    await new Promise((resolve) => setTimeout(resolve, 1_100))

    const before = proxy.requests.length
    const plan = await s.cli(['promote', '--from', 'staging', '--plan', '--format', 'json'])
    expect(plan.code).toBe(0)
    const planned = JSON.parse(plan.out)
    expect(planned).toMatchObject({ result: 'plan', wouldPromote: true, to: 'production' })
    expect(
      planned.gates.map((g: { gate: string; verdict: string }) => `${g.gate} ${g.verdict}`)
    ).toEqual(['provenance pass', 'soak pass', 'scan pass'])
    expect(planned.changes[0]).toBe(
      `copy ${proxy.host}/${s.repoA}@${v1.digest} to ${proxy.host}/${s.repoB}@${v1.digest} (by digest; blobs are mounted within one registry)`
    )
    expect(planned.changes[3]).toBe(
      `namespace ${s.production} does not exist yet: it would be created; the server cannot dry-run objects in it before`
    )
    expect(planned.changes[1]).toBe(
      `deploy ${proxy.host}/${s.repoB}@${v1.digest} to production as release 1, replacing nothing`
    )
    // Nothing changed: no registry write, no namespace, no Deployment, no release record.
    expect(changing(before)).toEqual([])
    expect(await resolveDigest(registry, s.repoB, v1.digest)).toBeUndefined()
    expect((await kubeResult(['get', 'namespace', s.production])).code).not.toBe(0)

    const text = await s.cli(['promote', '--from', 'staging', '--to', 'production', '--plan'])
    expect(text.out).toMatch(/^staging release 1 \(sha256:[0-9a-f]{64}\) -> production\n/)
    expect(text.out).toMatch(/\n {2}scan {8}pass {10}the scan of release 1 passed\n/)

    const copyFrom = proxy.requests.length
    const done = await s.cli([
      'promote',
      '--from',
      'staging',
      '--to',
      'production',
      '--format',
      'json'
    ])
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({
      result: 'promoted',
      targetRelease: { number: 1, state: 'deployed', digest: v1.digest }
    })
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v1.digest}`)
    expect(await resolveDigest(registry, s.repoB, 'production')).toBe(v1.digest)
    const writes = changing(copyFrom)
    expect(writes.filter((r) => r.path.includes('mount='))).toHaveLength(v1.blobs.length)
    expect(
      writes.filter((r) => r.path.includes('/blobs/uploads/') && !r.path.includes('mount='))
    ).toEqual([])
    expect(await releasesIn(s.production, 'production')).toEqual({ '1': 'deployed' })
    const history = await s.cli(['history', '--env', 'production', '--format', 'json'])
    expect(JSON.parse(history.out)[0].reason).toBe('promoted from staging release 1')

    const again = await s.cli(['promote', '--from', 'staging'])
    expect(again.code).toBe(0)
    expect(again.out).toContain(
      `${v1.digest} is already live in production as release 1: nothing changed`
    )
    expect(await releasesIn(s.production, 'production')).toEqual({ '1': 'deployed' })

    // v2 goes through staging to production; v1 is then older there.
    const v2 = await pushRandomImage(registry, s.repoA, 'v2')
    await deployStaging(s, v2.digest, ['--scan-verdict', 'pass'])
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const planFrom = proxy.requests.length
    const plan2 = await s.cli(['promote', '--from', 'staging', '--plan', '--format', 'json'])
    expect(JSON.parse(plan2.out).changes.at(-1)).toBe('server dry run: 1 objects applied, 0 pruned')
    expect(changing(planFrom)).toEqual([])
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v1.digest}`)
    expect(await releasesIn(s.production, 'production')).toEqual({ '1': 'deployed' })
    expect(await resolveDigest(registry, s.repoB, v2.digest)).toBeUndefined()

    expect((await s.cli(['promote', '--from', 'staging'])).code).toBe(0)
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v2.digest}`)
    const older = await s.cli(['promote', '--from', 'staging', '--digest', v1.digest])
    expect(older.code).toBe(1)
    expect(older.out).toContain(
      `production runs ${v2.digest}, which came to staging as release 2, after release 1: not deploying an older digest over it without allow-downgrade`
    )
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v2.digest}`)
    const allowed = await s.cli([
      'promote',
      '--from',
      'staging',
      '--release',
      '1',
      '--allow-downgrade'
    ])
    expect(allowed.code).toBe(0)
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v1.digest}`)
    expect(await resolveDigest(registry, s.repoB, 'production')).toBe(v1.digest)
  })

  test('two promotions to the target at once: one deploys, the other waits and finds it live', async () => {
    const s = setup(`    gates: { require-analysis: false, require-scan: false }`)
    const v1 = await pushRandomImage(registry, s.repoA, 'v1')
    await deployStaging(s, v1.digest)
    const runs = await Promise.all([
      s.cli(['promote', '--from', 'staging', '--format', 'json']),
      s.cli(['promote', '--from', 'staging', '--format', 'json'])
    ])
    expect(runs.map((r) => r.code)).toEqual([0, 0])
    expect(runs.map((r) => JSON.parse(r.out).result).sort()).toEqual(['promoted', 'unchanged'])
    expect(await releasesIn(s.production, 'production')).toEqual({ '1': 'deployed' })
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoA}@${v1.digest}`)
  })

  test('a failing deploy of the target leaves it on its previous release and its tag', async () => {
    const s = setup(`    image: '{repoB}:live'
    gates: { require-analysis: false, require-scan: false }`)
    const v1 = await pushRandomImage(registry, s.repoA, 'v1')
    const v2 = await pushRandomImage(registry, s.repoA, 'v2')
    await deployStaging(s, v1.digest)
    expect((await s.cli(['promote', '--from', 'staging'])).code).toBe(0)
    await deployStaging(s, v2.digest)
    s.write({ 'deploy-prod/deployment.yaml': deployment('crashloop') })

    const failed = await s.cli(['promote', '--from', 'staging', '--format', 'json'])
    expect(failed.code).toBe(1)
    const outcome = JSON.parse(failed.out)
    expect(outcome.result).toBe('failed')
    expect(outcome.message).toMatch(
      /^promotion of sha256:[0-9a-f]{64} to production failed: deploy of release 2 to production failed: .*CrashLoopBackOff.*; release 1 is live again$/
    )
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoB}@${v1.digest}`)
    expect(await releasesIn(s.production, 'production')).toEqual({ '1': 'deployed', '2': 'failed' })
    expect(await resolveDigest(registry, s.repoB, 'live')).toBe(v1.digest)
  })

  test('gates say why they refuse; an override of a freeze is recorded', async () => {
    const s = setup(`    gates: { soak: 1h }
    windows: { timezone: Europe/Berlin, freeze: [{ from: 2000-01-01, to: 2099-12-31, reason: test freeze }] }`)
    const v1 = await pushRandomImage(registry, s.repoA, 'v1')
    await deployStaging(s, v1.digest)

    const refused = await s.cli(['promote', '--from', 'staging', '--format', 'json'])
    expect(refused.code).toBe(1)
    const outcome = JSON.parse(refused.out)
    expect(outcome.result).toBe('blocked')
    const verdicts = Object.fromEntries(
      outcome.gates.map((g: { gate: string; verdict: string }) => [g.gate, g.verdict])
    )
    expect(verdicts).toEqual({
      provenance: 'pass',
      soak: 'fail',
      scan: 'inconclusive',
      analysis: 'inconclusive',
      windows: 'fail'
    })
    expect((await kubeResult(['get', 'namespace', s.production])).code).not.toBe(0)

    const plan = await s.cli(['promote', '--from', 'staging', '--plan'])
    expect(plan.code).toBe(1)
    expect(plan.out).toContain('frozen (test freeze) from 2000-01-01 to 2099-12-31 Europe/Berlin')

    s.write({
      'slipway.yaml': (await import('node:fs'))
        .readFileSync(path.join(s.dir, 'slipway.yaml'), 'utf8')
        .replace('gates: { soak: 1h }', 'gates: { require-scan: false, require-analysis: false }')
    })
    const frozen = await s.cli(['promote', '--from', 'staging'])
    expect(frozen.code).toBe(1)
    const overridden = await s.cli([
      'promote',
      '--from',
      'staging',
      '--override-reason',
      'INC-7 fix'
    ])
    expect(overridden.code).toBe(0)
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoA}@${v1.digest}`)
    const history = await s.cli(['history', '--env', 'production', '--format', 'json'])
    expect(JSON.parse(history.out)[0].reason).toBe(
      'promoted from staging release 1; windows overridden: INC-7 fix'
    )
  })
  test('inconclusive gates stop a promotion until a person decides, where the target allows it', async () => {
    const s = setup(`    gates: { allow-manual-decision: true }`)
    const v1 = await pushRandomImage(registry, s.repoA, 'v1')
    await deployStaging(s, v1.digest, ['--scan-verdict', 'pass'])

    const plan = await s.cli(['promote', '--from', 'staging', '--plan', '--format', 'json'])
    expect(plan.code).toBe(1)
    expect(JSON.parse(plan.out)).toMatchObject({ wouldPromote: false, decisionNeeded: true })
    const refused = await s.cli(['promote', '--from', 'staging'])
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(
      /analysis inconclusive \(no analysis verdict recorded for release 1 of staging.*\); only inconclusive gates: a person may decide\n$/
    )
    expect((await kubeResult(['get', 'namespace', s.production])).code).not.toBe(0)

    const decided = await s.cli(['promote', '--from', 'staging', '--decision', 'alice: INC-9'])
    expect(decided.code).toBe(0)
    expect(await runningImage(s.production)).toBe(`${proxy.host}/${s.repoA}@${v1.digest}`)
    const history = await s.cli(['history', '--env', 'production', '--format', 'json'])
    expect(JSON.parse(history.out)[0].reason).toBe(
      'promoted from staging release 1; inconclusive gates decided: alice: INC-9'
    )
  })
})
