import { isRecord, type KubeObject } from '../manifests/manifest.js'

// Why a pod is not ready, in the words a person on call needs: the image that cannot be pulled,
// the restart count and last termination of a crash-looping container, the scheduler's reason.

export interface PodProblem {
  pod: string
  reason: string
  /** One line: `CrashLoopBackOff (5 restarts; last exit 1: panic: config missing)`. */
  detail: string
  /** A problem that will not go away by waiting (the deploy may fail at once). */
  definitive: boolean
}

const PULL_FAILURES = new Set(['ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'])
/** Restarts after which a crash-looping container fails the deploy without waiting longer. */
export const CRASHLOOP_RESTARTS = 2

export function podProblem(pod: KubeObject): PodProblem | undefined {
  const name = String((pod.metadata as { name?: unknown } | undefined)?.name ?? '?')
  const status = isRecord(pod.status) ? pod.status : {}
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : []
  const condition = (type: string) => conditions.find((c) => c.type === type)
  if (status.phase === 'Succeeded') return undefined

  const scheduled = condition('PodScheduled')
  if (scheduled?.status === 'False') {
    return {
      pod: name,
      reason: String(scheduled.reason ?? 'Unschedulable'),
      detail: `${String(scheduled.reason ?? 'not scheduled')}: ${oneLine(scheduled.message)}`,
      definitive: false
    }
  }
  const containers = [
    ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
    ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : [])
  ].filter(isRecord)
  for (const container of containers) {
    const state = isRecord(container.state) ? container.state : {}
    const waiting = isRecord(state.waiting) ? state.waiting : undefined
    const last = isRecord(container.lastState) ? container.lastState : {}
    const terminated = isRecord(last.terminated)
      ? last.terminated
      : isRecord(state.terminated)
        ? state.terminated
        : undefined
    const restarts = Number(container.restartCount) || 0
    const cname = String(container.name ?? '?')
    const reason = typeof waiting?.reason === 'string' ? waiting.reason : ''
    if (PULL_FAILURES.has(reason) || reason === 'ErrImagePull') {
      return {
        pod: name,
        reason,
        detail: `${reason}: container ${cname} cannot pull ${String(container.image ?? '?')}${waiting?.message ? ` (${oneLine(waiting.message)})` : ''}`,
        definitive: PULL_FAILURES.has(reason)
      }
    }
    if (reason === 'CrashLoopBackOff' || (terminated && status.phase === 'Failed')) {
      const exit = terminated
        ? `; last exit ${String(terminated.exitCode ?? '?')}${terminated.reason ? ` ${String(terminated.reason)}` : ''}${terminated.message ? `: ${oneLine(terminated.message)}` : ''}`
        : ''
      const oom = terminated?.reason === 'OOMKilled'
      return {
        pod: name,
        reason: oom ? 'OOMKilled' : reason || 'Failed',
        detail: `${reason || 'Failed'}: container ${cname} (${restarts} restart${restarts === 1 ? '' : 's'}${exit})`,
        definitive: restarts >= CRASHLOOP_RESTARTS || status.phase === 'Failed'
      }
    }
    if (reason && reason !== 'ContainerCreating' && reason !== 'PodInitializing') {
      return {
        pod: name,
        reason,
        detail: `${reason}: container ${cname}${waiting?.message ? ` (${oneLine(waiting.message)})` : ''}`,
        definitive: reason === 'CreateContainerConfigError'
      }
    }
  }
  const ready = condition('Ready')
  if (status.phase === 'Running' && ready?.status !== 'True') {
    return {
      pod: name,
      reason: 'NotReady',
      detail: 'running, not ready: its readiness probe does not pass',
      definitive: false
    }
  }
  if (status.phase === 'Pending') {
    return { pod: name, reason: 'Pending', detail: 'pending', definitive: false }
  }
  return undefined
}

function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value : ''
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 297)}...` : line
}
