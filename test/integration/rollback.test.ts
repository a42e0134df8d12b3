import { afterAll, describe, expect, jest, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import { kubeJson, kubeResult, testKubeconfig, uniqueNamespace } from '../support/kube-cluster.js'
import { makeWorkspace } from '../support/workspace.js'

// slipway rollback against the real control plane: back to the recorded objects of an earlier
// release, with who and why, refusing targets that never ran.

jest.setTimeout(300_000)

const namespaces: string[] = []
afterAll(async () => {
  await Promise.all(namespaces.map((ns) => kubeResult(['delete', 'namespace', ns, '--wait=false'])))
})

const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

function deployment(extraEnv: string, behaviour = ''): string {
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
          image: registry.test/acme/shop:latest
          env: [{ name: FEATURE, value: "${extraEnv}" }]
          resources: { limits: { cpu: 100m, memory: 64Mi } }
`
}

async function live(ns: string): Promise<{ image: string; feature: string }> {
  const d = await kubeJson<{
    spec: { template: { spec: { containers: { image: string; env: { value: string }[] }[] } } }
  }>(['-n', ns, 'get', 'deployment', 'shop'])
  const c = d.spec.template.spec.containers[0]
  return { image: c.image, feature: c.env[0].value }
}

describe('slipway rollback', () => {
  test('goes back to the release before the live one, exactly as recorded, and records who and why', async () => {
    const ns = uniqueNamespace('rollback')
    namespaces.push(ns)
    const dir = makeWorkspace(undefined, {
      'slipway.yaml': `image: { repository: registry.test/acme/shop }\nmanifests: { path: deploy }\nenvironments:\n  staging: { namespace: ${ns} }\ndeploy: { timeout: 90s }\n`,
      'deploy/app.yaml': deployment('one')
    })
    const cli = (args: string[]) =>
      runCli([...args, '--env', 'staging', '--kubeconfig', testKubeconfig()], dir)
    expect((await cli(['deploy', '--image', `registry.test/acme/shop@${digest('r1')}`])).code).toBe(
      0
    )
    // The repository moves on: release 2 has other settings, and so does the working tree now.
    writeFileSync(path.join(dir, 'deploy/app.yaml'), deployment('two'))
    expect((await cli(['deploy', '--image', `registry.test/acme/shop@${digest('r2')}`])).code).toBe(
      0
    )
    writeFileSync(path.join(dir, 'deploy/app.yaml'), deployment('three'))

    const missingReason = await cli(['rollback'])
    expect(missingReason.code).toBe(2)
    expect(missingReason.err).toContain('--reason is required')

    const run = await cli(['rollback', '--reason', 'checkout errors after release 2'])
    expect(run.err).not.toMatch(/internal error/)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^staging rolled back from release 2 to release 1 in \d+ s\n$/)
    // Release 1's recorded objects, not today's repository.
    expect(await live(ns)).toEqual({
      image: `registry.test/acme/shop@${digest('r1')}`,
      feature: 'one'
    })
    const status = await kubeResult([
      '-n',
      ns,
      'rollout',
      'status',
      'deployment/shop',
      '--timeout',
      '30s'
    ])
    expect(status.stdout).toContain('successfully rolled out')

    const history = JSON.parse((await cli(['history', '--format', 'json'])).out) as {
      number: number
      state: string
      reason: string | null
      message: string | null
    }[]
    expect(history.map((r) => [r.number, r.state])).toEqual([
      [2, 'rolled-back'],
      [1, 'deployed']
    ])
    expect(history[0].message).toMatch(
      /^rolled back to release 1 by .+: checkout errors after release 2$/
    )
    expect(history[1].reason).toBe('rollback from release 2: checkout errors after release 2')

    // Forward again by digest: release 2 ran once, so it is a valid target.
    const forward = await cli(['rollback', '--to', digest('r2'), '--reason', 'fixed upstream'])
    expect(forward.code).toBe(0)
    expect(await live(ns)).toEqual({
      image: `registry.test/acme/shop@${digest('r2')}`,
      feature: 'two'
    })
  })

  test('refuses a release that never reached deployed, unless forced, and one that is not recorded', async () => {
    const ns = uniqueNamespace('rollback-refuse')
    namespaces.push(ns)
    const dir = makeWorkspace(undefined, {
      'slipway.yaml': `image: { repository: registry.test/acme/shop }\nmanifests: { path: deploy }\nenvironments:\n  staging: { namespace: ${ns} }\ndeploy: { timeout: 60s }\n`,
      'deploy/app.yaml': deployment('one')
    })
    const cli = (args: string[]) =>
      runCli([...args, '--env', 'staging', '--kubeconfig', testKubeconfig()], dir)
    expect((await cli(['deploy', '--image', `registry.test/acme/shop@${digest('s1')}`])).code).toBe(
      0
    )
    writeFileSync(path.join(dir, 'deploy/app.yaml'), deployment('two', 'crashloop'))
    expect((await cli(['deploy', '--image', `registry.test/acme/shop@${digest('s2')}`])).code).toBe(
      1
    )
    writeFileSync(path.join(dir, 'deploy/app.yaml'), deployment('three'))
    expect((await cli(['deploy', '--image', `registry.test/acme/shop@${digest('s3')}`])).code).toBe(
      0
    )

    const failed = await cli(['rollback', '--to', '2', '--reason', 'try'])
    expect(failed.code).toBe(1)
    expect(failed.err).toContain(
      'release 2 of staging never reached deployed (it is failed): name another, or force the rollback'
    )
    const unknown = await cli(['rollback', '--to', '9', '--reason', 'try'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain("release 9 of staging is not in the cluster's records")
    expect((await live(ns)).feature).toBe('three')
  })
})
