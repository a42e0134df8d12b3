import { isRecord } from './manifest.js'
import { parseObjects, type SourceDocument } from './yaml-documents.js'

export interface ScannedObject {
  kind: string
  name: string
  source: SourceDocument
}

/**
 * The kind, name and first line of each object of a YAML file, read from its lines without a
 * full parse; each document is parsed only when a field inside it must be located. Documents
 * the line scan cannot read with certainty (flow style, quotes with escapes, Lists) are parsed
 * at once. Broken documents are left out: the renderer reports them.
 */
export function scanObjects(text: string, file: string): ScannedObject[] {
  const lines = text.split('\n')
  const found: ScannedObject[] = []
  let start = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !/^---(\s|$)/.test(lines[i])) continue
    if (i > start) found.push(...scanDocument(lines.slice(start, i), start + 1, file))
    start = i + 1
  }
  return found
}

function scanDocument(lines: string[], firstLine: number, file: string): ScannedObject[] {
  const { kind, name, line } = identity(lines)
  if (kind && name && kind !== 'List') {
    let parsed: SourceDocument | undefined
    const parse = () => (parsed ??= parseShifted(lines, firstLine, file)[0]?.source)
    const source: SourceDocument = {
      file,
      line: firstLine + line,
      locate: (path) =>
        path.length === 0
          ? { line: firstLine + line, depth: 0 }
          : (parse()?.locate(path) ?? { line: firstLine + line, depth: 0 })
    }
    return [{ kind, name, source }]
  }
  return parseShifted(lines, firstLine, file).flatMap(({ object, source }) => {
    const metadata = isRecord(object.metadata) ? object.metadata : {}
    return typeof object.kind === 'string' && typeof metadata.name === 'string'
      ? [{ kind: object.kind, name: metadata.name, source }]
      : []
  })
}

/** The top-level `kind:` and `metadata:`'s `name:`, and the index of the first content line. */
function identity(lines: string[]): { kind?: string; name?: string; line: number } {
  let kind: string | undefined
  let name: string | undefined
  let line = -1
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]
    if (/^\s*(#.*)?$/.test(text)) continue
    if (line < 0) line = i
    if (text.startsWith('kind:')) kind = plainValue(text.slice(5))
    if (/^metadata:\s*$/.test(text)) name = childValue(lines, i + 1, 'name')
  }
  return { kind, name, line: Math.max(line, 0) }
}

function childValue(lines: string[], from: number, key: string): string | undefined {
  let indent: number | undefined
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]
    if (/^\s*(#.*)?$/.test(text)) continue
    const own = text.length - text.trimStart().length
    if (own === 0) return undefined
    indent ??= own
    if (own === indent && text.trimStart().startsWith(`${key}:`)) {
      return plainValue(text.trimStart().slice(key.length + 1))
    }
  }
  return undefined
}

/** A value the line scan is sure of: plain, or quoted without escapes; else undefined. */
function plainValue(raw: string): string | undefined {
  const value = raw.replace(/\s+#.*$/, '').trim()
  const quoted = /^(['"])([^'"\\]*)\1$/.exec(value)
  if (quoted) return quoted[2]
  return /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value) ? value : undefined
}

function parseShifted(lines: string[], firstLine: number, file: string) {
  try {
    return parseObjects(lines.join('\n'), file).map(({ object, source }) => ({
      object,
      source: {
        file,
        line: source.line + firstLine - 1,
        locate: (path: (string | number)[]) => {
          const at = source.locate(path)
          return { line: at.line + firstLine - 1, depth: at.depth }
        }
      }
    }))
  } catch {
    return []
  }
}
