import { stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../errors.js'
import { INPUT_LIMITS, readInputFile } from '../input-file.js'
import { identityKey, idOf, isRecord, type KubeObject, type ObjectId } from './manifest.js'
import { PER_RELEASE_ANNOTATIONS } from './release-metadata.js'
import { parseObjects } from './yaml-documents.js'
import { yamlFilesUnder } from './yaml-folder.js'

export interface ChangedObject {
  id: ObjectId
  /** The fields that differ, as `spec.template.spec.containers[app].image`. */
  paths: string[]
}

export interface ManifestDiff {
  added: ObjectId[]
  changed: ChangedObject[]
  removed: ObjectId[]
  unchanged: number
}

const MAX_PATHS = 20

/**
 * Compares two renders object by object (by group, kind, namespace and name). Annotations that
 * change with every release (commit, release id) are left out, so that an object counts as
 * changed only when something a person changed differs.
 */
export function diffObjects(previous: KubeObject[], current: KubeObject[]): ManifestDiff {
  const before = new Map(previous.map((o) => [identityKey(idOf(o)), o]))
  const diff: ManifestDiff = { added: [], changed: [], removed: [], unchanged: 0 }
  const seen = new Set<string>()
  for (const object of current) {
    const key = identityKey(idOf(object))
    seen.add(key)
    const old = before.get(key)
    if (!old) {
      diff.added.push(idOf(object))
      continue
    }
    const paths: string[] = []
    compare(withoutReleaseNoise(old), withoutReleaseNoise(object), '', paths)
    if (paths.length === 0) diff.unchanged++
    else diff.changed.push({ id: idOf(object), paths })
  }
  for (const [key, object] of before) if (!seen.has(key)) diff.removed.push(idOf(object))
  return diff
}

export function hasChanges(diff: ManifestDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length > 0
}

/** The objects of an earlier render: its manifests.yaml, or a folder of YAML files. */
export async function readRenderedObjects(fileOrDir: string): Promise<KubeObject[]> {
  let info
  try {
    info = await stat(fileOrDir)
  } catch {
    throw new InputError('the previous render was not found', { file: fileOrDir })
  }
  if (!info.isDirectory() && !info.isFile()) {
    throw new InputError('the previous render is not a regular file or a folder', {
      file: fileOrDir
    })
  }
  let files = [fileOrDir]
  if (info.isDirectory()) {
    const found = await yamlFilesUnder(fileOrDir, fileOrDir)
    if (found.errors.length > 0) throw found.errors[0]
    files = found.files
  }
  // A render's folder holds manifests.yaml and objects/ with the same objects: read one.
  const single = files.find((f) => path.basename(f) === 'manifests.yaml')
  const chosen = info.isDirectory() && single ? [single] : files
  const objects: KubeObject[] = []
  for (const file of chosen) {
    const text = readInputFile(file, INPUT_LIMITS.renderOutputBytes, 'render file')
    for (const parsed of parseObjects(text, file)) objects.push(parsed.object)
  }
  return objects
}

function compare(a: unknown, b: unknown, at: string, paths: string[]): void {
  if (paths.length > MAX_PATHS) return
  if (Object.is(a, b)) return
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const key of keys) compare(a[key], b[key], at ? `${at}.${key}` : key, paths)
    return
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const byName = namedItems(a) && namedItems(b)
    if (byName) {
      const names = [...new Set([...byName(a).keys(), ...byName(b).keys()])]
      for (const name of names)
        compare(byName(a).get(name), byName(b).get(name), `${at}[${name}]`, paths)
      return
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) compare(a[i], b[i], `${at}[${i}]`, paths)
    return
  }
  if (paths.length === MAX_PATHS) paths.push('...')
  else paths.push(at || '(whole object)')
}

/** Lists of items with unique names (containers, env, ports, volumes) compare by name. */
function namedItems(list: unknown[]): ((l: unknown[]) => Map<string, unknown>) | undefined {
  const names = list.map((item) =>
    isRecord(item) && typeof item.name === 'string' ? item.name : undefined
  )
  if (
    list.length === 0 ||
    names.some((n) => n === undefined) ||
    new Set(names).size !== names.length
  ) {
    return undefined
  }
  return (l) => new Map(l.map((item) => [(item as { name: string }).name, item]))
}

function withoutReleaseNoise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReleaseNoise)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === 'annotations' && isRecord(child)) {
      const kept = Object.entries(child).filter(([k]) => !PER_RELEASE_ANNOTATIONS.includes(k))
      if (kept.length > 0) out[key] = Object.fromEntries(kept)
    } else {
      out[key] = withoutReleaseNoise(child)
    }
  }
  return out
}
