import type { SourceLocation } from '../errors.js'
import { isRecord } from '../records.js'

export { isRecord }

/** A Kubernetes object as parsed from YAML: plain JSON data. */
export type KubeObject = Record<string, unknown>

/** A path to a field inside an object: map keys and list indexes. */
export type FieldPath = (string | number)[]

/**
 * One rendered object and where it came from. `where` answers with the most precise place
 * known for a field (the line of that field in a plain YAML file, the patch that set it in a
 * kustomize tree), falling back to the object, then to the source file.
 */
export interface Manifest {
  object: KubeObject
  where(path?: FieldPath): SourceLocation | undefined
}

export interface ObjectId {
  apiVersion: string
  kind: string
  namespace?: string
  name: string
}

export function metadataOf(object: KubeObject): Record<string, unknown> {
  if (!isRecord(object.metadata)) object.metadata = {}
  return object.metadata as Record<string, unknown>
}

export function idOf(object: KubeObject): ObjectId {
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined
  return {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: typeof object.kind === 'string' ? object.kind : '',
    namespace: namespace || undefined,
    name: typeof metadata.name === 'string' ? metadata.name : ''
  }
}

/** `apps` for `apps/v1`, '' for the core group's `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}

export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1)
}

/** Same group, kind, namespace and name: the same object to the API server, whatever the version. */
export function identityKey(id: ObjectId): string {
  return [groupOf(id.apiVersion), id.kind, id.namespace ?? '', id.name].join('\u0000')
}

/** `Deployment hello-staging/hello`, or `ClusterRole reader` for cluster-scoped objects. */
export function describeId(id: ObjectId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`
}

/** `spec.template.spec.containers[0].image` */
export function pathText(path: FieldPath): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('')
    .replace(/^\./, '')
}
