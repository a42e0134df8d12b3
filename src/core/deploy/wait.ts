import type { KubeClient } from '../kube/client.js'
import {
  describeId,
  idOf,
  isRecord,
  type KubeObject,
  type ObjectId
} from '../manifests/manifest.js'
import { podProblem, type PodProblem } from './pod-problems.js'
import { selectorMatches, workloadStatus } from './workload-status.js'

// Waits until every workload of a release has rolled out, failing early when a pod shows a
// problem that waiting will not cure (an image that cannot be pulled, a container that keeps
// crashing), and at the deadline otherwise; a failure names the workload, its pods and why.
// Each look lists the workloads of one kind and namespace, and the pods of a namespace, in one
// request each, however many workloads there are.

export interface WaitOptions {
  timeoutMs: number
  /** Between two looks (default 1 s). */
  pollMs?: number
  /** Stops the wait early, e.g. when the deploy lock was lost. */
  abort?: () => Error | undefined
}

export interface WorkloadFailure {
  workload: string
  message: string
  pods: PodProblem[]
}

export type WaitResult =
  { ok: true } | { ok: false; timedOut: boolean; failures: WorkloadFailure[] }

export async function waitForWorkloads(
  client: KubeClient,
  workloads: ObjectId[],
  options: WaitOptions
): Promise<WaitResult> {
  const deadline = Date.now() + options.timeoutMs
  const pending = new Map(workloads.map((id) => [describeId(id), id]))
  for (;;) {
    const aborted = options.abort?.()
    if (aborted) throw aborted
    const live = await liveObjects(client, [...pending.values()])
    const failures: WorkloadFailure[] = []
    const waiting: { key: string; object: KubeObject; message: string; failed: boolean }[] = []
    for (const key of [...pending.keys()]) {
      const object = live.get(key)
      if (!object) {
        failures.push({ workload: key, message: 'it is gone from the cluster', pods: [] })
        continue
      }
      const status = workloadStatus(object)
      if (status.state === 'done') pending.delete(key)
      else waiting.push({ key, object, message: status.message, failed: status.state === 'failed' })
    }
    const pods = await podsOf(
      client,
      waiting.map((w) => w.object)
    )
    const stuck: WorkloadFailure[] = []
    for (const w of waiting) {
      const problems = problemsOf(w.object, pods)
      const entry = { workload: w.key, message: w.message, pods: problems }
      if (w.failed || problems.some((p) => p.definitive)) failures.push(entry)
      else stuck.push(entry)
    }
    if (failures.length > 0) return { ok: false, timedOut: false, failures: sorted(failures) }
    if (pending.size === 0) return { ok: true }
    if (Date.now() >= deadline) return { ok: false, timedOut: true, failures: sorted(stuck) }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000))
  }
}

/** The live objects of `ids`, by describeId, listed one kind and namespace at a time. */
async function liveObjects(client: KubeClient, ids: ObjectId[]): Promise<Map<string, KubeObject>> {
  const groups = new Map<string, ObjectId[]>()
  for (const id of ids) {
    const key = `${id.apiVersion}\u0000${id.kind}\u0000${id.namespace ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), id])
  }
  const live = new Map<string, KubeObject>()
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const [{ apiVersion, kind, namespace }] = group
      const wanted = new Set(group.map(describeId))
      for (const object of await client.list(apiVersion, kind, namespace)) {
        const key = describeId(idOf(object))
        if (wanted.has(key)) live.set(key, object)
      }
    })
  )
  return live
}

/** The pods of the namespaces of `workloads`, in one list per namespace. */
async function podsOf(client: KubeClient, workloads: KubeObject[]): Promise<KubeObject[]> {
  const namespaces = new Set(workloads.map((w) => idOf(w).namespace))
  const lists = await Promise.all([...namespaces].map((ns) => client.list('v1', 'Pod', ns)))
  return lists.flat()
}

function problemsOf(workload: KubeObject, pods: KubeObject[]): PodProblem[] {
  const spec = isRecord(workload.spec) ? workload.spec : {}
  const namespace = idOf(workload).namespace
  return pods
    .filter(
      (pod) => idOf(pod).namespace === namespace && selectorMatches(spec.selector, labelsOf(pod))
    )
    .map(podProblem)
    .filter((p): p is PodProblem => p !== undefined)
    .sort((a, b) => Number(b.definitive) - Number(a.definitive) || a.pod.localeCompare(b.pod))
}

function labelsOf(object: KubeObject): Record<string, string> {
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  return isRecord(metadata.labels) ? (metadata.labels as Record<string, string>) : {}
}

function sorted(failures: WorkloadFailure[]): WorkloadFailure[] {
  return failures.sort((a, b) => a.workload.localeCompare(b.workload))
}

/** One line for a failed wait: the first workload and the problem of its first pod. */
export function describeFailure(
  result: Extract<WaitResult, { ok: false }>,
  timeout: string
): string {
  const first = result.failures[0]
  if (!first) {
    return result.timedOut ? `the rollout did not finish within ${timeout}` : 'the rollout failed'
  }
  const pod = first.pods[0]
  const why = pod ? `pod ${pod.pod}: ${pod.detail}` : first.message
  const others =
    result.failures.length > 1 ? ` (and ${result.failures.length - 1} more workloads)` : ''
  return result.timedOut
    ? `${first.workload} did not roll out within ${timeout}: ${why}${others}`
    : `${first.workload} failed to roll out: ${why}${others}`
}
