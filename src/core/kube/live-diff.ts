import { ApiException, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node'
import type { ManifestDiff } from '../manifests/diff.js'
import {
  identityKey,
  idOf,
  isRecord,
  type KubeObject,
  type ObjectId
} from '../manifests/manifest.js'
import {
  LABEL_ENVIRONMENT,
  labelValue,
  PER_RELEASE_ANNOTATIONS
} from '../manifests/release-metadata.js'
import { clusterError, FIELD_MANAGER, type Cluster } from './cluster.js'

// The diff of a render against the live objects of a cluster. Only what the render says is
// compared: every field path of the rendered object against the same path of the live one, so
// that what the server adds (uid, resourceVersion, generation, creationTimestamp,
// managedFields, status, defaults such as imagePullPolicy or a Service's clusterIP) never shows
// as a change; quantities under resources compare by value (the server rewrites `0.1` as
// `100m`). Fields the render no longer sets count as changed when slipway set them last
// time: the paths its field manager owns in managedFields (server-side apply would remove them),
// or, for objects applied by kubectl apply without --server-side, the paths of the
// kubectl.kubernetes.io/last-applied-configuration annotation. Per-release annotations (commit,
// release id, image) are left out, as in the diff of two renders.
//
// Removed objects are the ones in the cluster that carry the environment's label
// (slipway.dev/environment), and the app's labels when every rendered object has the same
// (app.kubernetes.io/name, /instance, /part-of), in the namespaces of the render, of the kinds
// slipway renders and the kinds of the render, that the render no longer has. Objects with a
// controller owner (ReplicaSets and Pods of a Deployment, which inherit the pod template's
// labels) are not listed.

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
const APP_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/part-of'
]
const MAX_PATHS = 20

/** Kinds looked through for removed objects, besides the kinds of the render. */
export const LISTED_KINDS: [apiVersion: string, kind: string][] = [
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolumeClaim'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler']
]

export interface LiveDiffRequest {
  cluster: Cluster
  /** The rendered objects, namespaces set. */
  objects: KubeObject[]
  environment: string
  /** The environment's namespace. */
  namespace: string
}

export interface LiveDiff {
  diff: ManifestDiff
  /** `the live objects (context kind-staging)`, for the diff's "compared with". */
  against: string
  /** The label selector removed objects were found with. */
  selector: string
}

export async function diffLive(request: LiveDiffRequest): Promise<LiveDiff> {
  const { cluster, objects } = request
  const client = KubernetesObjectApi.makeApiClient(cluster.config)
  const diff: ManifestDiff = { added: [], changed: [], removed: [], unchanged: 0 }

  const lives = await inBatches(objects, 8, (object) => readLive(client, cluster, idOf(object)))
  objects.forEach((object, i) => {
    const live = lives[i]
    const id = idOf(object)
    if (!live) {
      diff.added.push(id)
      return
    }
    const paths: string[] = []
    compareRendered(withoutReleaseNoise(object), withoutReleaseNoise(live), '', paths)
    for (const p of formerPaths(live, object)) if (!paths.includes(p)) paths.push(p)
    if (paths.length > MAX_PATHS) paths.splice(MAX_PATHS, paths.length, '...')
    if (paths.length === 0) diff.unchanged++
    else diff.changed.push({ id, paths })
  })

  const selector = selectorOf(request)
  const rendered = new Set(objects.map((o) => identityKey(idOf(o))))
  const namespaces = new Set([request.namespace, ...objects.map((o) => idOf(o).namespace ?? '')])
  namespaces.delete('')
  const kinds = new Map(LISTED_KINDS.map(([v, k]) => [`${v} ${k}`, [v, k] as const]))
  for (const o of objects) {
    const id = idOf(o)
    if (id.kind !== 'Namespace') kinds.set(`${id.apiVersion} ${id.kind}`, [id.apiVersion, id.kind])
  }
  const clusterScoped = new Set(
    objects.filter((o) => !idOf(o).namespace).map((o) => `${idOf(o).apiVersion} ${idOf(o).kind}`)
  )
  const queries: { apiVersion: string; kind: string; namespace?: string }[] = []
  for (const [key, [apiVersion, kind]] of kinds) {
    if (clusterScoped.has(key)) queries.push({ apiVersion, kind })
    else for (const namespace of namespaces) queries.push({ apiVersion, kind, namespace })
  }
  const found = await inBatches(queries, 8, (q) => listLabelled(client, cluster, q, selector))
  const removed = new Map<string, ObjectId>()
  for (const id of found.flat()) {
    const key = identityKey(id)
    if (!rendered.has(key)) removed.set(key, id)
  }
  diff.removed.push(...removed.values())
  return { diff, against: `the live objects (context ${cluster.context})`, selector }
}

async function readLive(
  client: KubernetesObjectApi,
  cluster: Cluster,
  id: ObjectId
): Promise<KubeObject | undefined> {
  try {
    const live = await client.read({
      apiVersion: id.apiVersion,
      kind: id.kind,
      metadata: { name: id.name, ...(id.namespace ? { namespace: id.namespace } : {}) }
    })
    return live as unknown as KubeObject
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return undefined
    // The cluster does not serve the kind (a custom resource whose CRD is not installed): no
    // such object can exist yet.
    if (error instanceof Error && /^Unrecognized API version and kind/.test(error.message)) {
      return undefined
    }
    throw clusterError(
      error,
      cluster,
      `reading ${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`
    )
  }
}

async function listLabelled(
  client: KubernetesObjectApi,
  cluster: Cluster,
  query: { apiVersion: string; kind: string; namespace?: string },
  selector: string
): Promise<ObjectId[]> {
  const { apiVersion, kind, namespace } = query
  let items: KubernetesObject[] = []
  let next: string | undefined
  try {
    do {
      const list = await client.list(
        apiVersion,
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        selector,
        500,
        next
      )
      items = items.concat(list.items)
      next = list.metadata?._continue || undefined
    } while (next)
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return []
    if (error instanceof Error && /^Unrecognized API version and kind/.test(error.message))
      return []
    throw clusterError(error, cluster, `listing ${kind} in ${namespace ?? 'the cluster'}`)
  }
  return items
    .filter((item) => !item.metadata?.ownerReferences?.some((r) => r.controller))
    .map((item) => ({
      apiVersion,
      kind,
      namespace: item.metadata?.namespace || undefined,
      name: item.metadata?.name ?? ''
    }))
}

/** The environment's label, and the app's labels that every rendered object carries alike. */
function selectorOf(request: LiveDiffRequest): string {
  const terms = [`${LABEL_ENVIRONMENT}=${labelValue(request.environment)}`]
  for (const label of APP_LABELS) {
    const values = new Set(request.objects.map((o) => labelsOf(o)[label]))
    const [value] = values
    if (values.size === 1 && typeof value === 'string' && value) terms.push(`${label}=${value}`)
  }
  return terms.join(',')
}

function labelsOf(object: KubeObject): Record<string, unknown> {
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  return isRecord(metadata.labels) ? metadata.labels : {}
}

/**
 * Compares the paths of `rendered` with `live`: keys of the rendered maps only, lists of named
 * items by name, other lists item by item (a different length is a change of the list).
 */
function compareRendered(rendered: unknown, live: unknown, at: string, paths: string[]): void {
  if (paths.length > MAX_PATHS) return
  if (isRecord(rendered) && isRecord(live)) {
    for (const key of Object.keys(rendered).sort()) {
      if (at === '' && key === 'status') continue
      compareRendered(rendered[key], live[key], at ? `${at}.${key}` : key, paths)
    }
    return
  }
  if (Array.isArray(rendered) && Array.isArray(live)) {
    const byName = names(rendered)
    if (byName && names(live)) {
      const liveByName = new Map(live.map((item) => [(item as { name: string }).name, item]))
      for (const item of rendered as { name: string }[]) {
        compareRendered(item, liveByName.get(item.name), `${at}[${item.name}]`, paths)
      }
      // Live items the render does not name are the server's or another manager's, unless
      // slipway set them last time: formerPaths finds those.
      return
    }
    if (rendered.length !== live.length) {
      paths.push(at)
      return
    }
    rendered.forEach((item, i) => compareRendered(item, live[i], `${at}[${i}]`, paths))
    return
  }
  if (!sameValue(rendered, live, at)) paths.push(at || '(whole object)')
}

/**
 * Equal values; under `resources` (requests, limits), equal quantities however written, as the
 * API server stores them in a canonical form (`0.1` as `100m`, `1024Mi` as `1Gi`).
 */
function sameValue(a: unknown, b: unknown, at: string): boolean {
  if (Object.is(a, b)) return true
  if (!/(^|\.)(resources|overhead|capacity|hard)\./.test(at)) return false
  const x = quantity(a)
  const y = quantity(b)
  return x !== undefined && y !== undefined && Math.abs(x - y) <= Math.abs(x) * 1e-12
}

const SUFFIXES: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}

/** A Kubernetes quantity (`100m`, `1.5Gi`, `2e3`, 4) as a number. */
function quantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return undefined
  const match =
    /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(
      value.trim()
    )
  if (!match) return undefined
  const number = Number(match[1])
  if (match[2]) return number * 10 ** Number(match[2].slice(1))
  return number * SUFFIXES[match[3] ?? '']
}

function names(list: unknown[]): string[] | undefined {
  const found = list.map((item) =>
    isRecord(item) && typeof item.name === 'string' ? item.name : undefined
  )
  if (list.length === 0 || found.some((n) => n === undefined)) return undefined
  if (new Set(found).size !== found.length) return undefined
  return found as string[]
}

/**
 * Fields slipway set last time (its managedFields entry; or the last applied configuration of
 * a client-side kubectl apply) that the render no longer has.
 */
function formerPaths(live: KubeObject, rendered: KubeObject): string[] {
  const metadata = isRecord(live.metadata) ? live.metadata : {}
  const managed = Array.isArray(metadata.managedFields) ? metadata.managedFields : []
  const entry = managed.find(
    (m) =>
      isRecord(m) &&
      m.manager === FIELD_MANAGER &&
      m.operation === 'Apply' &&
      !m.subresource &&
      isRecord(m.fieldsV1)
  ) as { fieldsV1: Record<string, unknown> } | undefined
  const out: string[] = []
  if (entry) {
    for (const segments of fieldPaths(entry.fieldsV1)) {
      if (!present(rendered, segments)) out.push(pathText(segments))
    }
  } else {
    const annotations = isRecord(metadata.annotations) ? metadata.annotations : {}
    const last = annotations[LAST_APPLIED]
    if (typeof last === 'string') {
      let applied: unknown
      try {
        applied = JSON.parse(last)
      } catch {
        applied = undefined
      }
      for (const segments of leafPaths(applied)) {
        if (!present(rendered, segments)) out.push(pathText(segments))
      }
    }
  }
  return out.filter((p) => !PER_RELEASE_ANNOTATIONS.some((a) => p === `metadata.annotations.${a}`))
}

type Segment = string | { key: Record<string, unknown> }

/** The leaf paths of a FieldsV1 set: `f:name` fields and `k:{...}` list items. */
function fieldPaths(fields: Record<string, unknown>, prefix: Segment[] = []): Segment[][] {
  const out: Segment[][] = []
  const children = Object.entries(fields).filter(([k]) => k !== '.')
  if (children.length === 0) return prefix.length > 0 ? [prefix] : []
  for (const [name, child] of children) {
    let segment: Segment | undefined
    if (name.startsWith('f:')) segment = name.slice(2)
    else if (name.startsWith('k:')) {
      try {
        segment = { key: JSON.parse(name.slice(2)) as Record<string, unknown> }
      } catch {
        segment = undefined
      }
    }
    // v: (set values) and i: (positions) are parts of atomic lists: the list itself is the leaf.
    if (segment === undefined) {
      if (prefix.length > 0) out.push(prefix)
      continue
    }
    if (
      typeof segment !== 'string' &&
      isRecord(child) &&
      '.' in child &&
      Object.keys(child).length === 1
    ) {
      out.push([...prefix, segment])
      continue
    }
    out.push(...fieldPaths(isRecord(child) ? child : {}, [...prefix, segment]))
  }
  return out
}

function leafPaths(value: unknown, prefix: Segment[] = []): Segment[][] {
  if (isRecord(value)) {
    const entries = Object.entries(value)
    if (entries.length === 0) return prefix.length > 0 ? [prefix] : []
    return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
  }
  if (Array.isArray(value) && names(value)) {
    return value.flatMap((item) =>
      leafPaths(item, [...prefix, { key: { name: (item as { name: string }).name } }])
    )
  }
  return prefix.length > 0 ? [prefix] : []
}

function present(object: unknown, segments: Segment[]): boolean {
  let at: unknown = object
  for (const s of segments) {
    if (typeof s === 'string') {
      if (!isRecord(at) || !(s in at)) return false
      at = at[s]
    } else {
      if (!Array.isArray(at)) return false
      at = at.find((item) => isRecord(item) && matchesKey(item, s.key))
      if (at === undefined) return false
    }
  }
  return true
}

/** A list item matches a merge key when its key fields agree (a protocol left out means TCP). */
function matchesKey(item: Record<string, unknown>, key: Record<string, unknown>): boolean {
  return Object.entries(key).every(([field, value]) => {
    const own = item[field] ?? (field === 'protocol' ? 'TCP' : undefined)
    return own === value
  })
}

function pathText(segments: Segment[]): string {
  let text = ''
  for (const s of segments) {
    if (typeof s === 'string') text += text ? `.${s}` : s
    else {
      const k = s.key
      text += `[${typeof k.name === 'string' ? k.name : Object.values(k).map(String).join(',')}]`
    }
  }
  return text
}

function withoutReleaseNoise(object: KubeObject): KubeObject {
  const copy = structuredClone(object)
  const metadata = isRecord(copy.metadata) ? copy.metadata : undefined
  const strip = (meta: unknown) => {
    if (!isRecord(meta) || !isRecord(meta.annotations)) return
    for (const a of [...PER_RELEASE_ANNOTATIONS, LAST_APPLIED]) delete meta.annotations[a]
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations
  }
  strip(metadata)
  const template =
    isRecord(copy.spec) && isRecord(copy.spec.template) ? copy.spec.template : undefined
  strip(template?.metadata)
  const jobTemplate =
    isRecord(copy.spec) && isRecord(copy.spec.jobTemplate) && isRecord(copy.spec.jobTemplate.spec)
      ? copy.spec.jobTemplate.spec
      : undefined
  if (jobTemplate && isRecord(jobTemplate.template)) strip(jobTemplate.template.metadata)
  return copy
}

async function inBatches<T, R>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  }
  return out
}
