import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from '../support/runner.js'
import { eventually, kube, kubeJson, kubeResult, uniqueNamespace } from '../support/kube-cluster.js'

// The control plane of scripts/kube.sh, driven by the real kubectl: what deploy relies on.

jest.setTimeout(120_000)

const ns = uniqueNamespace('kube-cluster')
const dir = tempDir('slipway-kube-')

function deployment(name: string, behaviour?: string, extra = ''): string {
  const annotation = behaviour
    ? `\n      annotations: { kwok.slipway.test/behaviour: ${behaviour}, kwok.slipway.test/message: "panic: no config" }`
    : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  replicas: 2
  progressDeadlineSeconds: 600
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels: { app: ${name} }${annotation}
    spec:
      containers:
        - name: app
          image: registry.test/${name}:1${extra}
`
}

function write(name: string, text: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}

interface PodList {
  items: {
    metadata: { name: string }
    status: {
      phase: string
      conditions?: { type: string; status: string; reason?: string; message?: string }[]
      containerStatuses?: {
        restartCount: number
        ready: boolean
        state: { waiting?: { reason: string } }
        lastState?: { terminated?: { reason: string; message?: string; exitCode: number } }
      }[]
    }
  }[]
}

beforeAll(async () => {
  await kube(['create', 'namespace', ns])
  await eventually('the default service account', async () =>
    (await kubeResult(['-n', ns, 'get', 'serviceaccount', 'default'])).code === 0 ? true : undefined
  )
})

afterAll(async () => {
  await kubeResult(['delete', 'namespace', ns, '--wait=false'])
})

describe('the test control plane', () => {
  test('reports the pinned Kubernetes release and has kwok nodes that are Ready', async () => {
    const version = await kubeJson<{ major: string; minor: string; gitVersion: string }>([
      'get',
      '--raw',
      '/version'
    ]).catch(async () => JSON.parse(await kube(['get', '--raw', '/version'])))
    expect(version.gitVersion).toMatch(/^v1\.33\.\d+$/)
    const nodes = await kubeJson<PodList>(['get', 'nodes'])
    expect(nodes.items.length).toBeGreaterThanOrEqual(3)
    for (const node of nodes.items) {
      expect(node.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True')
    }
  })

  test('serves the custom resources strategies and hand-offs use', async () => {
    const resources = await kube(['api-resources', '-o', 'name'])
    for (const name of [
      'httproutes.gateway.networking.k8s.io',
      'rollouts.argoproj.io',
      'applications.argoproj.io',
      'kustomizations.kustomize.toolkit.fluxcd.io'
    ]) {
      expect(resources.split('\n')).toContain(name)
    }
    const rollout = write(
      'rollout.yaml',
      `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: r, namespace: ${ns} }\nspec: { replicas: 1 }\n`
    )
    await kube(['apply', '--server-side', '--field-manager', 'test', '-f', rollout])
    await kube([
      '-n',
      ns,
      'patch',
      'rollout',
      'r',
      '--subresource',
      'status',
      '--type',
      'merge',
      '-p',
      '{"status":{"phase":"Healthy"}}'
    ])
    const live = await kubeJson<{ status: { phase: string } }>(['-n', ns, 'get', 'rollout', 'r'])
    expect(live.status.phase).toBe('Healthy')
  })

  test('a Deployment applied server-side becomes available, as kubectl rollout status says', async () => {
    const file = write('ok.yaml', deployment('ok'))
    await kube(['apply', '--server-side', '--field-manager', 'test', '-f', file])
    const status = await kube(['-n', ns, 'rollout', 'status', 'deployment/ok', '--timeout', '60s'])
    expect(status).toContain('successfully rolled out')
    const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=ok'])
    expect(pods.items).toHaveLength(2)
    expect(pods.items.every((p) => p.status.phase === 'Running')).toBe(true)
  })

  test('kubectl apply --prune --applyset adds and prunes the members of a set', async () => {
    const env = { KUBECTL_APPLYSET: 'true' }
    const two = write(
      'set-two.yaml',
      ['a', 'b']
        .map(
          (n) =>
            `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: set-${n}, namespace: ${ns} }\ndata: { k: v }\n`
        )
        .join('---\n')
    )
    const one = write(
      'set-one.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: set-a, namespace: ${ns} }\ndata: { k: v }\n`
    )
    const apply = (file: string) =>
      kubeWithEnv(env, [
        '-n',
        ns,
        'apply',
        '--server-side',
        '--prune',
        '--applyset=kube-cluster-set',
        '-f',
        file
      ])
    await apply(two)
    const members = await kube([
      '-n',
      ns,
      'get',
      'configmaps',
      '-l',
      'applyset.kubernetes.io/part-of',
      '-o',
      'name'
    ])
    expect(members.trim().split('\n').sort()).toEqual(['configmap/set-a', 'configmap/set-b'])
    const pruned = await apply(one)
    expect(pruned).toContain('configmap/set-b pruned')
    expect((await kubeResult(['-n', ns, 'get', 'configmap', 'set-b'])).code).not.toBe(0)
  })

  test('a crash-looping container shows CrashLoopBackOff with a growing restart count', async () => {
    await kube([
      'apply',
      '--server-side',
      '--field-manager',
      'test',
      '-f',
      write('crash.yaml', deployment('crash', 'crashloop'))
    ])
    const restarts = await eventually('two restarts', async () => {
      const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=crash'])
      const counts = pods.items.map((p) => p.status.containerStatuses?.[0]?.restartCount ?? 0)
      return counts.length === 2 && counts.every((c) => c >= 2) ? counts : undefined
    })
    expect(restarts.every((c) => c >= 2)).toBe(true)
    const table = await kube(['-n', ns, 'get', 'pods', '-l', 'app=crash'])
    expect(table).toMatch(/CrashLoopBackOff\s+[2-9]\d*/)
    const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=crash'])
    expect(pods.items[0].status.containerStatuses?.[0].lastState?.terminated).toMatchObject({
      exitCode: 1,
      message: 'panic: no config'
    })
  })

  test('an image that cannot be pulled shows ImagePullBackOff; rollout status times out', async () => {
    await kube([
      'apply',
      '--server-side',
      '--field-manager',
      'test',
      '-f',
      write('pull.yaml', deployment('pull', 'image-pull'))
    ])
    await eventually('ImagePullBackOff', async () =>
      (await kube(['-n', ns, 'get', 'pods', '-l', 'app=pull'])).includes('ImagePullBackOff')
        ? true
        : undefined
    )
    const status = await kubeResult([
      '-n',
      ns,
      'rollout',
      'status',
      'deployment/pull',
      '--timeout',
      '3s'
    ])
    expect(status.code).not.toBe(0)
    expect(status.stderr).toContain('timed out')
  })

  test('an OOM-killed container shows OOMKilled as its last termination', async () => {
    await kube([
      'apply',
      '--server-side',
      '--field-manager',
      'test',
      '-f',
      write('oom.yaml', deployment('oom', 'oom'))
    ])
    const reason = await eventually('OOMKilled', async () => {
      const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=oom'])
      return pods.items[0]?.status.containerStatuses?.[0]?.lastState?.terminated?.reason
    })
    expect(reason).toBe('OOMKilled')
  })

  test("a pod that fits no node stays Pending with the scheduler's reason", async () => {
    const file = write(
      'big.yaml',
      deployment('big', undefined, '\n          resources: { requests: { cpu: "64" } }')
    )
    await kube(['apply', '--server-side', '--field-manager', 'test', '-f', file])
    const message = await eventually('Unschedulable', async () => {
      const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=big'])
      const scheduled = pods.items[0]?.status.conditions?.find((c) => c.type === 'PodScheduled')
      return scheduled?.reason === 'Unschedulable' ? scheduled.message : undefined
    })
    expect(message).toMatch(/Insufficient cpu/)
  })

  test('a pod whose readiness never passes runs but is never ready', async () => {
    await kube([
      'apply',
      '--server-side',
      '--field-manager',
      'test',
      '-f',
      write('unready.yaml', deployment('unready', 'never-ready'))
    ])
    await eventually('Running', async () => {
      const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=unready'])
      return pods.items.length === 2 && pods.items.every((p) => p.status.phase === 'Running')
        ? true
        : undefined
    })
    const status = await kubeResult([
      '-n',
      ns,
      'rollout',
      'status',
      'deployment/unready',
      '--timeout',
      '3s'
    ])
    expect(status.code).not.toBe(0)
    const pods = await kubeJson<PodList>(['-n', ns, 'get', 'pods', '-l', 'app=unready'])
    expect(pods.items.every((p) => p.status.containerStatuses?.[0].ready === false)).toBe(true)
  })

  test('Jobs succeed, or fail with their pod failed, as kubectl wait sees them', async () => {
    const job = (name: string, behaviour: string) => `apiVersion: batch/v1
kind: Job
metadata: { name: ${name}, namespace: ${ns} }
spec:
  backoffLimit: 0
  template:
    metadata:
      annotations: { kwok.slipway.test/behaviour: ${behaviour} }
    spec:
      restartPolicy: Never
      containers: [{ name: job, image: registry.test/job:1 }]
`
    await kube([
      'apply',
      '--server-side',
      '--field-manager',
      'test',
      '-f',
      write('jobs.yaml', job('job-ok', 'ready') + '---\n' + job('job-fail', 'fail'))
    ])
    await kube(['-n', ns, 'wait', '--for=condition=complete', 'job/job-ok', '--timeout=60s'])
    await kube(['-n', ns, 'wait', '--for=condition=failed', 'job/job-fail', '--timeout=60s'])
  })
})

async function kubeWithEnv(env: Record<string, string>, args: string[]): Promise<string> {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    return await kube(args)
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}
