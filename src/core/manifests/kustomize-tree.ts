import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { UserError, UserErrors, type SourceLocation } from '../errors.js'
import { isInside } from './inside-root.js'
import { isRecord, type FieldPath, type ObjectId } from './manifest.js'
import { scanObjects } from './quick-scan.js'
import { parseObjects, YAML_VERSION, type SourceDocument } from './yaml-documents.js'

// kustomize's output has no positions. To point a problem at a file a person edits, slipway
// walks the kustomization tree itself: which file defines each object (under the names the
// overlays' prefixes and suffixes give it), and which patches touch it.

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']

interface Naming {
  prefix: string
  suffix: string
}

interface Definition {
  kind: string
  name: string
  source: SourceDocument
}

interface Patch {
  kind?: string
  /** A regular expression over the object's name, as kustomize's patch targets have it. */
  name?: RegExp
  naming: Naming
  source: SourceDocument
  /** JSON 6902 operations: only objects' fields under `path` count as touched. */
  operations?: { path: FieldPath; line: number }[]
}

interface Generator {
  kind: string
  name: string
  location: SourceLocation
}

export interface KustomizeTree {
  /** Every kustomization file read, root first. */
  files: string[]
  locate(id: ObjectId, path?: FieldPath): SourceLocation | undefined
  /** Reads the resource files now rather than at the first locate(). */
  prepare(): void
}

/**
 * Reads the kustomization at `dir` and everything it refers to. A reference that leaves
 * `root` (the repository) is a UserError on the line of the kustomization that names it.
 */
export function readKustomizeTree(dir: string, root: string): KustomizeTree {
  const walker = new Walker(root)
  walker.visit(dir, { prefix: '', suffix: '' })
  if (walker.errors.length === 1) throw walker.errors[0]
  if (walker.errors.length > 1) throw new UserErrors(walker.errors)
  return walker
}

class Walker implements KustomizeTree {
  files: string[] = []
  errors: UserError[] = []
  private definitions: Definition[] = []
  private byName = new Map<string, Definition>()
  private patches: Patch[] = []
  private generators: Generator[] = []
  private resourceFiles: { file: string; naming: Naming }[] = []
  private parsed = false
  private visited = new Set<string>()

  constructor(private root: string) {}

  visit(dir: string, outer: Naming): void {
    const file = KUSTOMIZATION_FILES.map((f) => path.join(dir, f)).find((f) => existsSync(f))
    if (!file || this.visited.has(file)) return
    this.visited.add(file)
    this.files.push(file)
    const lineCounter = new LineCounter()
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, version: YAML_VERSION })
    if (doc.errors.length > 0) return // kustomize itself reports it, with its own words
    const k: unknown = doc.toJS()
    if (!isRecord(k)) return
    const naming = {
      prefix: outer.prefix + (typeof k.namePrefix === 'string' ? k.namePrefix : ''),
      suffix: (typeof k.nameSuffix === 'string' ? k.nameSuffix : '') + outer.suffix
    }
    const lineOf = (...keyPath: (string | number)[]) => {
      for (let n = keyPath.length; n > 0; n--) {
        const node = doc.getIn(keyPath.slice(0, n), true) as Node | undefined
        const offset = node?.range?.[0]
        if (offset !== undefined) return lineCounter.linePos(offset).line
      }
      return 1
    }
    const inside = (relative: string, key: string, index: number): string | undefined => {
      const target = path.resolve(dir, relative)
      if (!isInside(this.root, target)) {
        this.errors.push(
          new UserError(`${key}[${index}]: "${relative}" points outside the repository`, {
            file,
            line: lineOf(key, index)
          })
        )
        return undefined
      }
      return target
    }

    for (const key of ['resources', 'bases', 'components', 'crds']) {
      const list = Array.isArray(k[key]) ? (k[key] as unknown[]) : []
      list.forEach((entry, index) => {
        if (typeof entry !== 'string' || isRemote(entry)) return
        const target = inside(entry, key, index)
        if (!target || !existsSync(target)) return
        if (statSync(target).isDirectory()) this.visit(target, naming)
        else this.resourceFiles.push({ file: target, naming })
      })
    }
    const patchLists: [string, unknown][] = [
      ['patches', k.patches],
      ['patchesStrategicMerge', k.patchesStrategicMerge],
      ['patchesJson6902', k.patchesJson6902]
    ]
    for (const [key, value] of patchLists) {
      if (!Array.isArray(value)) continue
      value.forEach((entry, index) => {
        const spec = typeof entry === 'string' ? looksLikePath(entry) : entry
        if (!isRecord(spec)) {
          if (typeof entry === 'string')
            this.addInlinePatch(entry, file, lineOf(key, index), naming)
          return
        }
        const target = isRecord(spec.target) ? spec.target : {}
        if (typeof spec.path === 'string') {
          const patchFile = inside(spec.path, key, index)
          if (patchFile && existsSync(patchFile)) {
            this.addPatchFile(patchFile, target, naming)
          }
        } else if (typeof spec.patch === 'string') {
          this.addInlinePatch(spec.patch, file, lineOf(key, index, 'patch') + 1, naming, target)
        }
      })
    }
    for (const [key, kind] of [
      ['configMapGenerator', 'ConfigMap'],
      ['secretGenerator', 'Secret']
    ]) {
      const list = Array.isArray(k[key]) ? (k[key] as unknown[]) : []
      list.forEach((entry, index) => {
        if (!isRecord(entry) || typeof entry.name !== 'string') return
        this.generators.push({
          kind,
          name: naming.prefix + entry.name + naming.suffix,
          location: { file, line: lineOf(key, index) }
        })
        for (const field of ['files', 'envs', 'env']) {
          const refs = Array.isArray(entry[field]) ? entry[field] : [entry[field]]
          refs.forEach((ref) => {
            if (typeof ref !== 'string') return
            const relative = ref.includes('=') ? ref.slice(ref.indexOf('=') + 1) : ref
            inside(relative, key, index)
          })
        }
      })
    }
  }

  locate(id: ObjectId, fieldPath: FieldPath = []): SourceLocation | undefined {
    this.parseResources()
    const definition =
      this.byName.get(`${id.kind}/${id.name}`) ??
      this.definitions.find((d) => d.kind === id.kind && id.name.endsWith(d.name))
    if (!definition) {
      const generator = this.generators.find(
        (g) => g.kind === id.kind && (id.name === g.name || id.name.startsWith(`${g.name}-`))
      )
      return generator?.location ?? (this.files[0] ? { file: this.files[0] } : undefined)
    }
    let best = { ...definition.source.locate(fieldPath), file: definition.source.file }
    if (fieldPath.length === 0) return { file: best.file, line: best.line }
    for (const patch of this.patches) {
      if (!patchTouches(patch, id)) continue
      const found = patchLocate(patch, fieldPath)
      if (found && found.depth >= best.depth && found.depth > 0) {
        best = { ...found, file: patch.source.file }
      }
    }
    return { file: best.file, line: best.line }
  }

  prepare(): void {
    this.parseResources()
  }

  private parseResources(): void {
    if (this.parsed) return
    this.parsed = true
    for (const { file, naming } of this.resourceFiles) {
      let text
      try {
        text = readFileSync(file, 'utf8')
      } catch {
        continue // kustomize would not have rendered it either
      }
      for (const { kind, name, source } of scanObjects(text, file)) {
        const definition = { kind, name: naming.prefix + name + naming.suffix, source }
        const key = `${kind}/${definition.name}`
        if (!this.byName.has(key)) this.byName.set(key, definition)
        this.definitions.push(definition)
      }
    }
  }

  private addPatchFile(file: string, target: Record<string, unknown>, naming: Naming): void {
    let objects
    try {
      objects = parseObjects(readFileSync(file, 'utf8'), file)
    } catch {
      return
    }
    for (const { object, source } of objects) this.addPatch(object, source, naming, target)
    if (objects.length === 0) {
      // A JSON 6902 patch file is a YAML list, which parseObjects does not accept as objects.
      this.addInlinePatch(readFileSync(file, 'utf8'), file, 1, naming, target)
    }
  }

  private addInlinePatch(
    text: string,
    file: string,
    firstLine: number,
    naming: Naming,
    target: Record<string, unknown> = {}
  ): void {
    const lineCounter = new LineCounter()
    const doc = parseDocument(text, { lineCounter, version: YAML_VERSION })
    if (doc.errors.length > 0) return
    const value: unknown = doc.toJS()
    const shift = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1
    if (Array.isArray(value) && isSeq(doc.contents)) {
      const operations = value.flatMap((op, index) => {
        const node = (doc.contents as { items: Node[] }).items[index]
        if (!isRecord(op) || typeof op.path !== 'string') return []
        return [{ path: jsonPointer(op.path), line: shift(node?.range?.[0] ?? 0) }]
      })
      const source = { file, line: firstLine, locate: () => ({ line: firstLine, depth: 0 }) }
      this.patches.push({ ...targetOf(target), naming, source, operations })
      return
    }
    try {
      for (const { object, source } of parseObjects(text, file)) {
        const moved: SourceDocument = {
          file,
          line: firstLine + source.line - 1,
          locate: (p) => {
            const at = source.locate(p)
            return { line: firstLine + at.line - 1, depth: at.depth }
          }
        }
        this.addPatch(object, moved, naming, target)
      }
    } catch {
      // not a patch slipway understands; kustomize reports real mistakes
    }
  }

  private addPatch(
    object: Record<string, unknown>,
    source: SourceDocument,
    naming: Naming,
    target: Record<string, unknown>
  ): void {
    const metadata = isRecord(object.metadata) ? object.metadata : {}
    const fromTarget = targetOf(target)
    this.patches.push({
      kind: fromTarget.kind ?? (typeof object.kind === 'string' ? object.kind : undefined),
      name:
        fromTarget.name ??
        (typeof metadata.name === 'string' ? new RegExp(`^${escape(metadata.name)}$`) : undefined),
      naming,
      source
    })
  }
}

function targetOf(target: Record<string, unknown>): { kind?: string; name?: RegExp } {
  return {
    kind: typeof target.kind === 'string' ? target.kind : undefined,
    name: typeof target.name === 'string' ? safeRegExp(target.name) : undefined
  }
}

function patchTouches(patch: Patch, id: ObjectId): boolean {
  if (patch.kind && patch.kind !== id.kind) return false
  if (!patch.name) return true
  const { prefix, suffix } = patch.naming
  const inner =
    id.name.startsWith(prefix) && id.name.endsWith(suffix)
      ? id.name.slice(prefix.length, id.name.length - suffix.length)
      : id.name
  return patch.name.test(inner)
}

function patchLocate(
  patch: Patch,
  fieldPath: FieldPath
): { line: number; depth: number } | undefined {
  if (!patch.operations) return patch.source.locate(fieldPath)
  let best: { line: number; depth: number } | undefined
  for (const op of patch.operations) {
    const matches = op.path.every((segment, i) => String(fieldPath[i]) === String(segment))
    if (matches && op.path.length <= fieldPath.length && (!best || op.path.length >= best.depth)) {
      best = { line: op.line, depth: op.path.length }
    }
  }
  return best
}

function jsonPointer(pointer: string): FieldPath {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

function looksLikePath(entry: string): Record<string, unknown> | undefined {
  return entry.includes('\n') ? undefined : { path: entry }
}

function isRemote(entry: string): boolean {
  return /^[a-z]+:\/\//.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry)
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${source})$`)
  } catch {
    return undefined
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
