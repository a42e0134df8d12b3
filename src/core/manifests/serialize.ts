import { createHash } from 'node:crypto'
import { isRecord, type KubeObject, type ObjectId } from './manifest.js'
import { emitYaml } from './yaml-emit.js'

/**
 * A deep copy with every map's keys in code-point order, the order `kubectl get -o yaml`
 * prints. With it, equal objects always serialize to equal bytes, however they were written.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T
  if (!isRecord(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort(compareCodePoints)) sorted[key] = sortKeys(value[key])
  return sorted as T
}

/** One object as YAML that kubectl (YAML 1.1) reads back to the same values. Keys must be sorted. */
export function objectYaml(object: KubeObject): string {
  return emitYaml(object)
}

/** A multi-document YAML stream of sorted objects, `---` between documents. */
export function manifestsYaml(objects: KubeObject[]): string {
  return objects.map(objectYaml).join('---\n')
}

export function manifestsJson(objects: KubeObject[]): string {
  return JSON.stringify(objects, null, 2) + '\n'
}

export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

/**
 * `003-deployment.staging.hello.yaml`: numbered so that `kubectl apply -f <folder>`, which
 * reads files in name order, applies them in install order too.
 */
export function objectFileName(index: number, count: number, id: ObjectId): string {
  const width = Math.max(3, String(count).length)
  const name = [id.kind.toLowerCase(), id.namespace, id.name].filter(Boolean).join('.')
  return `${String(index + 1).padStart(width, '0')}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
