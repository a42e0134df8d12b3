import { Composer, isMap, isSeq, LineCounter, Parser, type Document } from 'yaml'
import { InputError, UserError, UserErrors } from '../errors.js'
import { INPUT_LIMITS } from '../input-file.js'
import { tooDeepAt } from '../yaml-nesting.js'
import { repeatedKeyMessage, repeatedKeys } from '../yaml-unique-keys.js'
import { isRecord, type FieldPath, type KubeObject, type Manifest } from './manifest.js'

// kubectl and the API server read YAML 1.1 (`on`, `yes` are booleans there), so slipway reads
// and writes it the same way: a value means here what it will mean to the cluster.
export const YAML_VERSION = '1.1' as const

/** A YAML document of a source file, able to tell the line of any field in it. */
export interface SourceDocument {
  file: string
  line: number
  /** The line of the field at `path`, and how many path segments were found. */
  locate(path: FieldPath): { line: number; depth: number }
}

export interface ParsedObject {
  object: KubeObject
  source: SourceDocument
}

/**
 * Parses a multi-document YAML file into objects with their source positions. Empty documents
 * are skipped; a `kind: List` is unpacked into its items. Bad YAML and documents that are not
 * objects are UserErrors with the file and line.
 */
export function parseObjects(
  text: string,
  file: string,
  { positions = true }: { positions?: boolean } = {}
): ParsedObject[] {
  const deep = tooDeepAt(text)
  if (deep !== undefined) {
    const line = text.slice(0, deep).split('\n').length
    throw new InputError(
      `invalid YAML: nested more than ${INPUT_LIMITS.flowNesting} levels deep`,
      positions ? { file, line } : { file }
    )
  }
  const lineCounter = new LineCounter()
  const errors: UserError[] = []
  const parsed: ParsedObject[] = []
  let count = 0
  for (const doc of documents(text, positions ? lineCounter : undefined)) {
    // Counted as they are composed: 285,000 documents held at once took 2.2 GB.
    if (++count > INPUT_LIMITS.documents) {
      throw new InputError(`more than ${INPUT_LIMITS.documents} YAML documents`, { file })
    }
    const repeated = repeatedKeys(doc)
    if (doc.errors.length > 0 || repeated.length > 0) {
      if (!positions) return parseObjects(text, file)
      // Later errors of a document mostly follow from its first.
      const [first] = [
        ...doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${e.message}` })),
        ...repeated.map((r) => ({ offset: r.offset, message: repeatedKeyMessage(r) }))
      ].sort((a, b) => a.offset - b.offset)
      const line = lineCounter.linePos(first.offset).line
      errors.push(new InputError(firstLine(first.message), { file, line }))
      continue
    }
    if (doc.contents === null) continue
    const source = sourceDocument(doc, lineCounter, file)
    const value = toJS(doc, source)
    if (value === null || value === undefined) continue
    if (!isRecord(value)) {
      errors.push(
        new UserError('expected a Kubernetes object (a map with apiVersion, kind and metadata)', {
          file,
          line: source.line
        })
      )
      continue
    }
    if (value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (isRecord(item)) parsed.push({ object: item, source: shifted(source, ['items', index]) })
      })
      continue
    }
    parsed.push({ object: value, source })
  }
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new UserErrors(errors)
  return parsed
}

/** The documents of a YAML stream, composed one at a time. */
function documents(text: string, lineCounter?: LineCounter): Iterable<Document.Parsed> {
  const parser = new Parser(lineCounter?.addNewLine)
  // The yaml library's uniqueKeys check is quadratic in the keys of a map: repeatedKeys instead.
  const composer = new Composer({ version: YAML_VERSION, uniqueKeys: false })
  return composer.compose(parser.parse(text))
}

function toJS(doc: Document, source: SourceDocument): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 })
  } catch (error) {
    // The yaml library's guard against alias bombs (a few lines that expand to billions of nodes).
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputError('invalid YAML: too many alias expansions (an alias bomb?)', {
        file: source.file,
        line: source.line
      })
    }
    throw error
  }
}

/** A manifest whose fields are located in one source document. */
export function manifestFrom({ object, source }: ParsedObject): Manifest {
  return {
    object,
    where: (path = []) => ({ file: source.file, line: source.locate(path).line })
  }
}

function sourceDocument(doc: Document, lineCounter: LineCounter, file: string): SourceDocument {
  const start = (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0
  return {
    file,
    line: lineCounter.linePos(start).line,
    locate(path) {
      let node: unknown = doc.contents
      let offset = start
      let depth = 0
      for (const segment of path) {
        const next = childOf(node, segment)
        if (!next) break
        offset = next.offset ?? offset
        node = next.node
        depth++
      }
      return { line: lineCounter.linePos(offset).line, depth }
    }
  }
}

function childOf(
  node: unknown,
  segment: string | number
): { node: unknown; offset?: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as { value?: unknown; range?: [number] } | null
      if (key && String(key.value) === String(segment)) {
        return { node: pair.value, offset: key.range?.[0] }
      }
    }
  } else if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as { range?: [number] } | undefined
    if (item) return { node: item, offset: item.range?.[0] }
  }
  return undefined
}

function shifted(source: SourceDocument, prefix: FieldPath): SourceDocument {
  const located = source.locate(prefix)
  return {
    file: source.file,
    line: located.line,
    locate: (path) => {
      const inner = source.locate([...prefix, ...path])
      return { line: inner.line, depth: Math.max(0, inner.depth - prefix.length) }
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}
