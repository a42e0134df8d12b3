// The diff of a render against the live objects, through @kubernetes/client-node, against the
// test cluster's real API server (scripts/kube.sh), in a namespace of this file's own; the
// earlier release applied by the real kubectl with slipway's field manager, as a deployment does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import { loadConfig } from '../../src/core/config/index.js'
import { UserError } from '../../src/core/errors.js'
import { FIELD_MANAGER, loadCluster } from '../../src/core/kube/cluster.js'
import { diffLive } from '../../src/core/kube/live-diff.js'
import { describeId } from '../../src/core/manifests/manifest.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'
import { kube, KUBE_CONTEXT, uniqueNamespace, writeKubeconfig } from '../support/kube-cluster.js'
import { kubectl } from '../support/kubectl.js'
import { cleanupRuns, tempDir } from '../support/runner.js'
import { appWorkspace } from '../support/workspace.js'

const NS = uniqueNamespace('live-diff')
const IMAGE = (n: string) => `ghcr.io/acme/hello:1.0.0@sha256:${n.repeat(64)}`

let kubeconfig: string
let dir: string
let workspace: string

async function render(root: string, image: string) {
  const configFile = path.join(root, 'slipway.yaml')
  return renderEnvironment({
    config: await loadConfig(configFile),
    environment: 'staging',
    root,
    configFile,
    image
  })
}

async function apply(kubeconfigFile: string, yaml: string): Promise<void> {
  const file = path.join(dir, `apply-${Date.now()}.yaml`)
  writeFileSync(file, yaml)
  const result = await kubectl(kubeconfigFile, [
    'apply',
    '--server-side',
    `--field-manager=${FIELD_MANAGER}`,
    '-f',
    file
  ])
  expect(result.stderr).toBe('')
}

const configMap = (name: string, labels: Record<string, string>) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: NS, labels },
    data: { a: '1' }
  })

beforeAll(async () => {
  await kube(['create', 'namespace', NS])
  dir = tempDir('slipway-live-')
  kubeconfig = writeKubeconfig(path.join(dir, 'kubeconfig'))

  // The release that is running: the app as it was, applied by slipway's field manager, and an
  // object of it that the next render no longer has; plus another app's object in the namespace.
  const before = appWorkspace(NS)
  await apply(kubeconfig, (await render(before, IMAGE('a'))).yaml)
  const ours = { 'slipway.dev/environment': 'staging', 'app.kubernetes.io/name': 'hello' }
  await apply(kubeconfig, configMap('hello-old', ours))
  await apply(kubeconfig, configMap('other-app', { ...ours, 'app.kubernetes.io/name': 'other' }))

  // The change: a new image, the liveness probe taken out, a new ConfigMap.
  workspace = appWorkspace(NS, {
    'deploy/base/settings.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello-settings\ndata:\n  level: info\n'
  })
  const base = path.join(workspace, 'deploy', 'base')
  const deployment = readFileSync(path.join(base, 'deployment.yaml'), 'utf8')
  writeFileSync(
    path.join(base, 'deployment.yaml'),
    deployment.replace(/ {10}livenessProbe:\n.*\n/, '')
  )
  const kustomization = readFileSync(path.join(base, 'kustomization.yaml'), 'utf8')
  writeFileSync(
    path.join(base, 'kustomization.yaml'),
    kustomization.replace('  - service.yaml\n', '  - service.yaml\n  - settings.yaml\n')
  )
})

afterAll(async () => {
  await kube(['delete', 'namespace', NS, '--wait=false'])
  cleanupRuns()
})

describe('diff against the live objects', () => {
  it('reports added, changed with the changed paths, and removed; nothing for the unchanged or the server defaults', async () => {
    const result = await render(workspace, IMAGE('b'))
    const { diff, against, selector } = await diffLive({
      cluster: loadCluster({ kubeconfig }),
      objects: result.objects.map((o) => o.object),
      environment: 'staging',
      namespace: NS
    })
    expect(against).toBe(`the live objects (context ${KUBE_CONTEXT})`)
    expect(selector).toBe('slipway.dev/environment=staging,app.kubernetes.io/name=hello')
    expect(diff.added.map(describeId)).toEqual([`ConfigMap ${NS}/hello-settings`])
    expect(diff.removed.map(describeId)).toEqual([`ConfigMap ${NS}/hello-old`])
    // The Service, with the clusterIP, protocol and targetPort the server added: unchanged.
    expect(diff.unchanged).toBe(1)
    expect(diff.changed.map((c) => describeId(c.id))).toEqual([`Deployment ${NS}/hello`])
    expect(diff.changed[0].paths.sort()).toEqual([
      'spec.template.spec.containers[hello].image',
      'spec.template.spec.containers[hello].livenessProbe.httpGet.path',
      'spec.template.spec.containers[hello].livenessProbe.httpGet.port'
    ])
  })

  it('finds no changes right after the render was applied, status and all', async () => {
    const result = await render(workspace, IMAGE('b'))
    const cluster = loadCluster({ kubeconfig })
    // As slipway's deploy applies it; the Deployment controller then writes status, and kwok
    // makes the pod ready.
    await apply(kubeconfig, result.yaml)
    const rollout = await kubectl(
      kubeconfig,
      ['rollout', 'status', 'deployment/hello', '-n', NS, '--timeout', '100s'],
      110_000
    )
    expect(rollout.stdout).toContain('successfully rolled out')
    const { diff } = await diffLive({
      cluster,
      objects: result.objects.map((o) => o.object),
      environment: 'staging',
      namespace: NS
    })
    expect(diff).toEqual({
      added: [],
      changed: [],
      removed: [`hello-old`].map((name) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: NS,
        name
      })),
      unchanged: 3
    })
  }, 120_000)

  it('compares resource quantities by value, as the server stores them canonically', async () => {
    const result = await render(workspace, IMAGE('b'))
    // The server's canonical forms of the render's 100m and 64Mi; and one real change.
    const patch = (cpu: string, memory: string) =>
      JSON.stringify({
        spec: {
          template: {
            spec: { containers: [{ name: 'hello', resources: { limits: { cpu, memory } } }] }
          }
        }
      })
    const patched = await kubectl(kubeconfig, [
      'patch',
      'deployment',
      'hello',
      '-n',
      NS,
      '--type',
      'strategic',
      '-p',
      patch('0.1', '67108864')
    ])
    expect(patched.stdout).toBe('deployment.apps/hello patched\n')
    const cluster = loadCluster({ kubeconfig })
    const objects = result.objects.map((o) => o.object)
    const same = await diffLive({ cluster, objects, environment: 'staging', namespace: NS })
    expect(same.diff.changed).toEqual([])
    await kubectl(kubeconfig, [
      'patch',
      'deployment',
      'hello',
      '-n',
      NS,
      '--type',
      'strategic',
      '-p',
      patch('200m', '64Mi')
    ])
    const changed = await diffLive({ cluster, objects, environment: 'staging', namespace: NS })
    expect(changed.diff.changed.map((c) => c.paths)).toEqual([
      ['spec.template.spec.containers[hello].resources.limits.cpu']
    ])
    await kubectl(kubeconfig, [
      'patch',
      'deployment',
      'hello',
      '-n',
      NS,
      '--type',
      'strategic',
      '-p',
      patch('100m', '64Mi')
    ])
  })

  it('says in one line when the cluster is unreachable or refuses the credentials', async () => {
    const result = await render(workspace, IMAGE('b'))
    const objects = result.objects.map((o) => o.object)
    const wrong = writeKubeconfig(path.join(dir, 'wrong'), { token: 'expired' })
    const refused = await diffLive({
      cluster: loadCluster({ kubeconfig: wrong }),
      objects,
      environment: 'staging',
      namespace: NS
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(UserError)
    expect((refused as Error).message).toMatch(
      new RegExp(
        `^the cluster at ${process.env.SLIPWAY_TEST_KUBE_SERVER} \\(context ${KUBE_CONTEXT}\\) refused the kubeconfig's credentials \\(401 Unauthorized\\) while reading (Service|Deployment|ConfigMap) ${NS}/hello(-settings)?$`
      )
    )
    const closed = path.join(dir, 'closed')
    writeKubeconfig(closed, { server: 'https://127.0.0.1:9' })
    const unreachable = await diffLive({
      cluster: loadCluster({ kubeconfig: closed }),
      objects,
      environment: 'staging',
      namespace: NS
    }).catch((e: unknown) => e)
    expect(unreachable).toBeInstanceOf(UserError)
    expect((unreachable as Error).message).toMatch(
      new RegExp(
        `^the cluster at https://127\\.0\\.0\\.1:9 \\(context ${KUBE_CONTEXT}\\) is unreachable while reading \\w+ ${NS}/[a-z-]+: .*ECONNREFUSED`
      )
    )
    expect((unreachable as Error).message).not.toContain('\n')
  })

  it('refuses a context the kubeconfig does not have, naming the ones it has', () => {
    expect(() => loadCluster({ kubeconfig, context: 'prod' })).toThrow(
      `context "prod" is not in the kubeconfig ${kubeconfig} (it has ${KUBE_CONTEXT})`
    )
  })
})

describe('slipway diff --live', () => {
  const run = (...args: string[]) => runCli(['diff', ...args], workspace)

  it('prints the Markdown diff against the cluster, with the environment context from slipway.yaml', async () => {
    const multi = writeKubeconfig(path.join(dir, 'multi'), {
      extraContexts: { 'kind-staging': NS }
    })
    const config = readFileSync(path.join(workspace, 'slipway.yaml'), 'utf8')
    writeFileSync(
      path.join(workspace, 'slipway.yaml'),
      config.replace(`    namespace: ${NS}\n`, `    namespace: ${NS}\n    context: kind-staging\n`)
    )
    const result = await run(
      '--env',
      'staging',
      '--live',
      '--kubeconfig',
      multi,
      '--image',
      IMAGE('c')
    )
    // The render's own warning (the probe taken out), and nothing else.
    expect(result.err).toBe(
      `deploy/base/deployment.yaml:12: warning: Deployment ${NS}/hello: container "hello": no livenessProbe [liveness-probe]\n`
    )
    expect(result.code).toBe(0)
    expect(result.out).toContain(
      '0 added, 1 changed, 1 removed, 2 unchanged, compared with the live objects (context kind-staging).'
    )
    expect(result.out).toContain(
      `| changed | Deployment ${NS}/hello | \`spec.template.spec.containers[hello].image\` |`
    )
    expect(result.out).toContain(`| removed | ConfigMap ${NS}/hello-old |  |`)
    const exit = await run(
      '--env',
      'staging',
      '--live',
      '--kubeconfig',
      multi,
      '--image',
      IMAGE('c'),
      '--exit-code',
      '--format',
      'json'
    )
    expect(exit.code).toBe(1)
    expect(JSON.parse(exit.out).changed).toHaveLength(1)
  })

  it('fails with one line, not an empty diff, when the cluster cannot be reached', async () => {
    const closed = path.join(dir, 'closed-cli')
    writeKubeconfig(closed, { server: 'https://127.0.0.1:9' })
    const result = await run(
      '--env',
      'staging',
      '--live',
      '--kubeconfig',
      closed,
      '--context',
      KUBE_CONTEXT
    )
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    const errors = result.err.split('\n').filter((l) => l && !l.includes(': warning: '))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^the cluster at https:\/\/127\.0\.0\.1:9 \(context slipway-test\) is unreachable while reading .*ECONNREFUSED/
    )
  })

  it('needs --live for --kubeconfig, and no --previous with --live', async () => {
    expect((await run('--env', 'staging', '--kubeconfig', kubeconfig)).code).toBe(2)
    const both = await run('--env', 'staging', '--live', '--previous', 'x')
    expect(both).toMatchObject({
      code: 2,
      err: 'slipway diff: --live compares with the cluster: leave out --previous, --previous-ref and --current\n'
    })
  })
})
