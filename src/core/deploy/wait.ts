import type { KubeClient } from '../kube/client.js'
import { describeId, type ObjectId } from '../manifests/manifest.js'
import { podProblem, type PodProblem } from './pod-problems.js'
import { podSelector, workloadStatus } from './workload-status.js'

// Waits until every workload of a release has rolled out, failing early when a pod shows a
// problem that waiting will not cure (an image that cannot be pulled, a container that keeps
// crashing), and at the deadline otherwise; a failure names the workload, its pods and why.

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
    const failures: WorkloadFailure[] = []
    const waiting: WorkloadFailure[] = []
    await Promise.all(
      [...pending].map(async ([key, id]) => {
        const live = await client.get(id.apiVersion, id.kind, id.name, id.namespace)
        if (!live) {
          failures.push({ workload: key, message: 'it is gone from the cluster', pods: [] })
          return
        }
        const status = workloadStatus(live)
        if (status.state === 'done') {
          pending.delete(key)
          return
        }
        const pods = await problemsOf(client, live, id)
        const entry = { workload: key, message: status.message, pods }
        if (status.state === 'failed' || pods.some((p) => p.definitive)) failures.push(entry)
        else waiting.push(entry)
      })
    )
    if (failures.length > 0) return { ok: false, timedOut: false, failures: sorted(failures) }
    if (pending.size === 0) return { ok: true }
    if (Date.now() >= deadline) return { ok: false, timedOut: true, failures: sorted(waiting) }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000))
  }
}

async function problemsOf(
  client: KubeClient,
  workload: Record<string, unknown>,
  id: ObjectId
): Promise<PodProblem[]> {
  const selector = podSelector(workload)
  if (!selector) return []
  const pods = await client.list('v1', 'Pod', id.namespace, selector)
  return pods
    .map(podProblem)
    .filter((p): p is PodProblem => p !== undefined)
    .sort((a, b) => Number(b.definitive) - Number(a.definitive) || a.pod.localeCompare(b.pod))
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
  if (!first)
    return result.timedOut ? `the rollout did not finish within ${timeout}` : 'the rollout failed'
  const pod = first.pods[0]
  const why = pod ? `pod ${pod.pod}: ${pod.detail}` : first.message
  const others =
    result.failures.length > 1 ? ` (and ${result.failures.length - 1} more workloads)` : ''
  return result.timedOut
    ? `${first.workload} did not roll out within ${timeout}: ${why}${others}`
    : `${first.workload} failed to roll out: ${why}${others}`
}
