import { groupOf, isRecord, type FieldPath, type KubeObject } from './manifest.js'

// Where each workload kind keeps its pod spec. Argo Rollouts have a Deployment's shape.
const POD_SPEC_PATHS: Record<string, { groups: string[]; path: FieldPath }> = {
  Pod: { groups: [''], path: ['spec'] },
  PodTemplate: { groups: [''], path: ['template', 'spec'] },
  ReplicationController: { groups: [''], path: ['spec', 'template', 'spec'] },
  Deployment: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  StatefulSet: { groups: ['apps'], path: ['spec', 'template', 'spec'] },
  DaemonSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  ReplicaSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  Job: { groups: ['batch'], path: ['spec', 'template', 'spec'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  Rollout: { groups: ['argoproj.io'], path: ['spec', 'template', 'spec'] }
}

export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const

export interface PodSpecAt {
  spec: Record<string, unknown>
  path: FieldPath
  /** Where the pod's labels and annotations live: the template's metadata, or the Pod's own. */
  metadataPath: FieldPath
}

export interface ContainerAt {
  container: Record<string, unknown>
  path: FieldPath
  list: (typeof CONTAINER_LISTS)[number]
}

export function isWorkload(object: KubeObject): boolean {
  return specPathOf(object) !== undefined
}

/** The pod spec of a workload; undefined for other kinds, or a Rollout using a workloadRef. */
export function podSpecOf(object: KubeObject): PodSpecAt | undefined {
  const path = specPathOf(object)
  if (!path) return undefined
  const spec = valueAt(object, path)
  if (!isRecord(spec)) return undefined
  const metadataPath = path.length === 1 ? ['metadata'] : [...path.slice(0, -1), 'metadata']
  return { spec, path, metadataPath }
}

export function containersOf(pod: PodSpecAt): ContainerAt[] {
  const found: ContainerAt[] = []
  for (const list of CONTAINER_LISTS) {
    const items = pod.spec[list]
    if (!Array.isArray(items)) continue
    items.forEach((container, index) => {
      if (isRecord(container)) found.push({ container, list, path: [...pod.path, list, index] })
    })
  }
  return found
}

/** The pod template's labels, which a Service selector is matched against. */
export function podLabelsOf(object: KubeObject): Record<string, unknown> | undefined {
  const pod = podSpecOf(object)
  if (!pod) return undefined
  const metadata = valueAt(object, pod.metadataPath)
  return isRecord(metadata) && isRecord(metadata.labels) ? metadata.labels : {}
}

export function valueAt(object: unknown, path: FieldPath): unknown {
  let node = object
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment]
    else if (isRecord(node)) node = node[segment]
    else return undefined
  }
  return node
}

function specPathOf(object: KubeObject): FieldPath | undefined {
  const kind = object.kind
  const entry =
    typeof kind === 'string' && Object.hasOwn(POD_SPEC_PATHS, kind)
      ? POD_SPEC_PATHS[kind]
      : undefined
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : ''
  return entry?.groups.includes(groupOf(apiVersion)) ? entry.path : undefined
}
