import { isRecord, type KubeObject } from '../manifests/manifest.js'

// Whether a workload has rolled out, as `kubectl rollout status` judges it: the controller saw
// the newest spec (observedGeneration), every replica runs the new template and is available,
// and no old replica is left. Jobs are done when they succeeded; Argo Rollouts by their phase.

export type RolloutState = 'done' | 'progressing' | 'failed'

export interface WorkloadStatus {
  state: RolloutState
  /** `2 of 3 updated replicas are available`, or the controller's own failure message. */
  message: string
}

export const WORKLOAD_KINDS: [apiVersion: string, kind: string][] = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['argoproj.io/v1alpha1', 'Rollout']
]

export function isWorkload(object: KubeObject): boolean {
  return WORKLOAD_KINDS.some(([v, k]) => object.apiVersion === v && object.kind === k)
}

export function workloadStatus(object: KubeObject): WorkloadStatus {
  const spec = isRecord(object.spec) ? object.spec : {}
  const status = isRecord(object.status) ? object.status : {}
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  const num = (value: unknown) => (typeof value === 'number' ? value : 0)
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : []
  const observed = num(status.observedGeneration)
  if (object.kind !== 'Job' && num(metadata.generation) > observed) {
    return { state: 'progressing', message: 'waiting for the controller to see the new spec' }
  }
  switch (object.kind) {
    case 'Deployment': {
      const deadline = conditions.find(
        (c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded'
      )
      if (deadline) {
        return {
          state: 'failed',
          message: `ProgressDeadlineExceeded: ${String(deadline.message ?? '')}`
        }
      }
      const wanted = spec.replicas === undefined ? 1 : num(spec.replicas)
      const updated = num(status.updatedReplicas)
      const total = num(status.replicas)
      const available = num(status.availableReplicas)
      if (updated < wanted) {
        return { state: 'progressing', message: `${updated} of ${wanted} replicas updated` }
      }
      if (total > updated) {
        return {
          state: 'progressing',
          message: `${total - updated} old replicas pending termination`
        }
      }
      if (available < updated) {
        return {
          state: 'progressing',
          message: `${available} of ${updated} updated replicas available`
        }
      }
      return { state: 'done', message: `${available} of ${wanted} replicas available` }
    }
    case 'StatefulSet': {
      const wanted = spec.replicas === undefined ? 1 : num(spec.replicas)
      const ready = num(status.readyReplicas)
      const updated = num(status.updatedReplicas)
      const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {}
      if (strategy.type === 'OnDelete') {
        return { state: 'done', message: 'OnDelete: pods update when deleted' }
      }
      if (ready < wanted)
        return { state: 'progressing', message: `${ready} of ${wanted} pods ready` }
      const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {}
      const partition = num(rolling.partition)
      if (partition > 0) {
        return updated >= wanted - partition
          ? { state: 'done', message: `partitioned roll out: ${updated} pods updated` }
          : { state: 'progressing', message: `${updated} of ${wanted - partition} pods updated` }
      }
      if (status.updateRevision !== status.currentRevision) {
        return { state: 'progressing', message: `${updated} of ${wanted} pods updated` }
      }
      return { state: 'done', message: `${ready} of ${wanted} pods ready` }
    }
    case 'DaemonSet': {
      const desired = num(status.desiredNumberScheduled)
      const updated = num(status.updatedNumberScheduled)
      const available = num(status.numberAvailable)
      if (updated < desired)
        return { state: 'progressing', message: `${updated} of ${desired} pods updated` }
      if (available < desired) {
        return { state: 'progressing', message: `${available} of ${desired} pods available` }
      }
      return { state: 'done', message: `${available} of ${desired} pods available` }
    }
    case 'Job': {
      const failed = conditions.find((c) => c.type === 'Failed' && c.status === 'True')
      if (failed) {
        return {
          state: 'failed',
          message: `${String(failed.reason ?? 'Failed')}: ${String(failed.message ?? '')}`.trim()
        }
      }
      const complete = conditions.find((c) => c.type === 'Complete' && c.status === 'True')
      if (complete) return { state: 'done', message: `${num(status.succeeded)} succeeded` }
      return {
        state: 'progressing',
        message: `${num(status.active)} active, ${num(status.succeeded)} succeeded`
      }
    }
    case 'Rollout': {
      const phase = typeof status.phase === 'string' ? status.phase : ''
      const message = typeof status.message === 'string' ? status.message : ''
      if (phase === 'Healthy') return { state: 'done', message: 'Healthy' }
      if (phase === 'Degraded') return { state: 'failed', message: `Degraded: ${message}` }
      return {
        state: 'progressing',
        message: phase
          ? `${phase}${message ? `: ${message}` : ''}`
          : 'waiting for the Rollout controller'
      }
    }
    default:
      return { state: 'done', message: '' }
  }
}

/**
 * Whether a label selector (matchLabels and matchExpressions, as a workload's spec.selector has
 * it) selects an object with these labels. No selector selects nothing.
 */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {}
  const expressions = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions.filter(isRecord)
    : []
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== String(value)) return false
  }
  for (const e of expressions) {
    const key = String(e.key)
    const values = Array.isArray(e.values) ? e.values.map(String) : []
    const has = Object.hasOwn(labels, key)
    const ok =
      e.operator === 'In'
        ? has && values.includes(labels[key])
        : e.operator === 'NotIn'
          ? !has || !values.includes(labels[key])
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false
    if (!ok) return false
  }
  return true
}
