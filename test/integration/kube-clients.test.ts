// The real kubectl and @kubernetes/client-node against the test cluster's real API server
// (scripts/kube.sh), with the app as slipway renders it, in a namespace of this file's own: what
// they send, and what the server answers, as a user reads it. Requests that must be seen or
// faulted go through the fault proxy (test/support/kube-fault-proxy.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ApiException, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../../src/core/config/index.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'
import {
  eventually,
  kube,
  kubeResult,
  uniqueNamespace,
  writeKubeconfig
} from '../support/kube-cluster.js'
import { startKubeFaultProxy, type KubeFaultProxy } from '../support/kube-fault-proxy.js'
import { kubectl, kubectlStream } from '../support/kubectl.js'
import { cleanupRuns, tempDir } from '../support/runner.js'
import { appWorkspace } from '../support/workspace.js'

const NS = uniqueNamespace('kube-clients')
const DIGEST = `sha256:${'ab'.repeat(32)}`

let proxy: KubeFaultProxy
let kubeconfig: string
let manifests: string
let dir: string

interface Deployment {
  metadata: {
    name: string
    generation: number
    uid: string
    resourceVersion: string
    labels: Record<string, string>
    managedFields?: { manager: string; operation: string; fieldsV1: Record<string, unknown> }[]
  }
  spec: {
    replicas: number
    template: { spec: { containers: { image: string; imagePullPolicy: string }[] } }
  }
  status?: { observedGeneration?: number; readyReplicas?: number }
}

async function getDeployment(...extra: string[]): Promise<Deployment> {
  const result = await kubectl(kubeconfig, [
    'get',
    'deploy',
    'hello',
    '-n',
    NS,
    '-o',
    'json',
    ...extra
  ])
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout) as Deployment
}

beforeAll(async () => {
  await kube(['create', 'namespace', NS])
  // Pods are refused until the namespace's default service account exists.
  await eventually('the default service account', async () =>
    (await kubeResult(['-n', NS, 'get', 'serviceaccount', 'default'])).code === 0 ? true : undefined
  )
  proxy = await startKubeFaultProxy()
  dir = tempDir('slipway-kube-')
  kubeconfig = writeKubeconfig(path.join(dir, 'kubeconfig'), { server: proxy.url })
  // The example application, rendered by slipway's core as render-manifests renders it.
  const root = appWorkspace(NS)
  const configFile = path.join(root, 'slipway.yaml')
  const result = await renderEnvironment({
    config: await loadConfig(configFile),
    environment: 'staging',
    root,
    configFile,
    image: `ghcr.io/acme/hello:1.0.0@${DIGEST}`
  })
  manifests = path.join(dir, 'manifests.yaml')
  writeFileSync(manifests, result.yaml)
})

afterAll(async () => {
  await proxy?.stop()
  await kubeResult(['delete', 'namespace', NS, '--wait=false'])
  cleanupRuns()
})

describe('kubectl against the real API server', () => {
  it('applies the rendered app server-side', async () => {
    const before = proxy.requests.length
    const apply = await kubectl(kubeconfig, ['apply', '--server-side', '-f', manifests])
    expect(apply.stderr).toBe('')
    expect(apply.stdout).toBe(
      'service/hello serverside-applied\ndeployment.apps/hello serverside-applied\n'
    )
    // What kubectl sent: server-side apply patches with its field manager and strict validation.
    const patches = proxy.requests.slice(before).filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => [r.path, r.contentType])).toEqual([
      [`/api/v1/namespaces/${NS}/services/hello`, 'application/apply-patch+yaml'],
      [`/apis/apps/v1/namespaces/${NS}/deployments/hello`, 'application/apply-patch+yaml']
    ])
    expect(patches[0].query).toContain('fieldManager=kubectl')
    expect(patches[0].query).toContain('fieldValidation=Strict')
  }, 90_000)

  it('answers kubectl get -o json with the object as stored: defaults, uid, generation, managed fields', async () => {
    const deployment = await getDeployment('--show-managed-fields')
    expect(deployment.metadata.generation).toBe(1)
    expect(deployment.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(deployment.metadata.labels['slipway.dev/environment']).toBe('staging')
    expect(deployment.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/hello@${DIGEST}`)
    // Added by the server, not in the manifest.
    expect(deployment.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent')
    const managers = deployment.metadata.managedFields ?? []
    const apply = managers.find((m) => m.manager === 'kubectl')
    expect(apply?.operation).toBe('Apply')
    expect(JSON.stringify(apply?.fieldsV1)).toContain('"k:{\\"name\\":\\"hello\\"}"')
    // The Deployment controller owns status, through the status subresource.
    expect(managers.map((m) => m.manager)).toContain('kube-controller-manager')
  }, 90_000)

  it('waits for the rollout with kubectl rollout status', async () => {
    // kwok makes the pod ready; on a busy machine that can take a while.
    const result = await kubectl(
      kubeconfig,
      ['rollout', 'status', 'deployment/hello', '-n', NS, '--timeout', '100s'],
      110_000
    )
    expect(result).toMatchObject({ code: 0 })
    expect(result.stdout).toContain('deployment "hello" successfully rolled out')
    const deployment = await getDeployment()
    expect(deployment.status).toMatchObject({
      observedGeneration: 1,
      readyReplicas: deployment.spec.replicas
    })
  }, 120_000)

  it('selects by label with kubectl get -l', async () => {
    const both = await kubectl(kubeconfig, [
      'get',
      'deploy,svc',
      '-n',
      NS,
      '-l',
      'slipway.dev/environment=staging',
      '-o',
      'name'
    ])
    expect(both.stdout).toBe('deployment.apps/hello\nservice/hello\n')
    const none = await kubectl(kubeconfig, [
      'get',
      'deploy',
      '-n',
      NS,
      '-l',
      'app.kubernetes.io/name in (other)'
    ])
    expect(none.stderr).toBe(`No resources found in ${NS} namespace.\n`)
    const table = await kubectl(kubeconfig, ['get', 'deploy', '-n', NS])
    expect(table.stdout).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nhello\s+1\/1\s+1\s+1\s+\d+s\n$/
    )
  }, 90_000)

  it('reports a field another manager owns as a conflict, and takes it with --force-conflicts', async () => {
    const other = path.join(dir, 'other.yaml')
    writeFileSync(
      other,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: hello, namespace: ${NS}}`,
        'spec:',
        '  replicas: 3'
      ].join('\n')
    )
    expect((await getDeployment()).spec.replicas).toBe(1)
    const refused = await kubectl(kubeconfig, [
      'apply',
      '--server-side',
      '--field-manager',
      'ops',
      '-f',
      other
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas\n'
    )
    const forced = await kubectl(kubeconfig, [
      'apply',
      '--server-side',
      '--field-manager',
      'ops',
      '--force-conflicts',
      '-f',
      other
    ])
    expect(forced).toMatchObject({ code: 0, stdout: 'deployment.apps/hello serverside-applied\n' })
    const deployment = await getDeployment()
    expect(deployment.spec.replicas).toBe(3)
    // replicas is in spec but not in the pod template: the generation moves all the same.
    expect(deployment.metadata.generation).toBe(2)
    // replicas belongs to ops now: the render's apply sets it back only when forced.
    const again = await kubectl(kubeconfig, [
      'apply',
      '--server-side',
      '--force-conflicts',
      '-f',
      manifests
    ])
    expect(again.code).toBe(0)
    expect((await getDeployment()).spec.replicas).toBe(1)
  }, 90_000)

  it('removes a field the manager applied before and no longer applies', async () => {
    const labelled = path.join(dir, 'labelled.yaml')
    const cm = (labels: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${NS}\n${labels}data:\n  a: "1"\n`
    writeFileSync(labelled, cm('  labels:\n    team: blue\n    tier: web\n'))
    expect((await kubectl(kubeconfig, ['apply', '--server-side', '-f', labelled])).code).toBe(0)
    writeFileSync(labelled, cm('  labels:\n    tier: web\n'))
    expect((await kubectl(kubeconfig, ['apply', '--server-side', '-f', labelled])).code).toBe(0)
    const labels = await kubectl(kubeconfig, [
      'get',
      'cm',
      'settings',
      '-n',
      NS,
      '-o',
      'jsonpath={.metadata.labels}'
    ])
    expect(JSON.parse(labels.stdout)).toEqual({ tier: 'web' })
  }, 90_000)

  it('sees a change through kubectl get --watch', async () => {
    const watch = kubectlStream(kubeconfig, [
      'get',
      'configmaps',
      '-n',
      NS,
      '--watch',
      '-o',
      'name'
    ])
    try {
      await watch.waitFor('configmap/settings')
      const cm = path.join(dir, 'watched.yaml')
      writeFileSync(
        cm,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\n  namespace: ${NS}\n`
      )
      const created = await kubectl(kubeconfig, ['create', '-f', cm])
      expect(created.stdout).toBe('configmap/watched created\n')
      await watch.waitFor('configmap/watched')
    } finally {
      watch.child.kill()
    }
  }, 90_000)

  it('fails kubectl rollout status for an image that never becomes ready', async () => {
    // kwok keeps the new pods in ImagePullBackOff (tools/kube/kwok-stages.yaml); the Deployment
    // controller gives up after progressDeadlineSeconds.
    const patch = JSON.stringify({
      spec: {
        progressDeadlineSeconds: 2,
        template: {
          metadata: { annotations: { 'kwok.slipway.test/behaviour': 'image-pull' } },
          spec: { containers: [{ name: 'hello', image: 'ghcr.io/acme/broken:2' }] }
        }
      }
    })
    const set = await kubectl(kubeconfig, ['patch', 'deployment/hello', '-n', NS, '-p', patch])
    expect(set).toMatchObject({ code: 0, stdout: 'deployment.apps/hello patched\n' })
    const result = await kubectl(kubeconfig, [
      'rollout',
      'status',
      'deployment/hello',
      '-n',
      NS,
      '--timeout',
      '60s'
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('error: deployment "hello" exceeded its progress deadline\n')
  }, 90_000)

  it('prints a missing object as kubectl prints a 404', async () => {
    const result = await kubectl(kubeconfig, ['get', 'deploy', 'nope', '-n', NS])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    const noNamespace = await kubectl(kubeconfig, ['get', 'cm', 'x', '-n', `${NS}-missing`])
    expect(noNamespace.stderr).toBe(
      `Error from server (NotFound): namespaces "${NS}-missing" not found\n`
    )
  }, 90_000)

  it('deletes with kubectl delete, then the object is gone', async () => {
    const result = await kubectl(kubeconfig, ['delete', 'configmap', 'watched', '-n', NS])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^configmap "watched" deleted/)
    const gone = await kubectl(kubeconfig, ['get', 'cm', 'watched', '-n', NS])
    expect(gone.stderr).toBe('Error from server (NotFound): configmaps "watched" not found\n')
  }, 90_000)

  it('refuses a token it does not know with 401, as kubectl reports it', async () => {
    const wrong = writeKubeconfig(path.join(dir, 'wrong-token'), { token: 'not-the-token' })
    const result = await kubectl(wrong, ['get', 'deploy', '-n', NS])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('error: You must be logged in to the server')
  }, 90_000)

  it('shows API faults as kubectl does: a 500, and a dropped connection retried', async () => {
    const settings = (method: string, p: string) =>
      method === 'GET' && p === `/api/v1/namespaces/${NS}/configmaps/settings`
    proxy.setRules([{ kind: '500', match: settings, times: 1 }])
    const failed = await kubectl(kubeconfig, ['get', 'cm', 'settings', '-n', NS, '-o', 'name'])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('injected 500')
    proxy.setRules([{ kind: 'drop', match: settings, times: 1 }])
    const dropped = await kubectl(kubeconfig, ['get', 'cm', 'settings', '-n', NS, '-o', 'name'])
    // client-go retries a GET whose connection was closed before an answer.
    expect(dropped).toMatchObject({ code: 0, stdout: 'configmap/settings\n' })
    proxy.setRules([])
  })
})

describe('@kubernetes/client-node against the real API server', () => {
  it('reads and lists objects through a KubeConfig loaded from the file', async () => {
    const kc = new KubeConfig()
    kc.loadFromFile(kubeconfig)
    const client = KubernetesObjectApi.makeApiClient(kc)
    const service = await client.read({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'hello', namespace: NS }
    })
    expect(service.metadata?.labels?.['slipway.dev/environment']).toBe('staging')
    const list = await client.list(
      'apps/v1',
      'Deployment',
      NS,
      undefined,
      undefined,
      undefined,
      undefined,
      'slipway.dev/environment=staging'
    )
    expect(list.items.map((d) => d.metadata?.name)).toEqual(['hello'])
    const missing = await client
      .read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nope', namespace: NS } })
      .catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(ApiException)
    expect((missing as ApiException<string>).code).toBe(404)
    expect(JSON.parse((missing as ApiException<string>).body)).toMatchObject({ reason: 'NotFound' })
  })
})
