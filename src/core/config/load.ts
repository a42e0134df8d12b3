import { readFile } from 'node:fs/promises'
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { UserError, UserErrors } from '../errors.js'
import { configSchema, crossCheck, type Config } from './schema.js'

export const DEFAULT_CONFIG_FILE = 'slipway.yaml'

/** Reads and validates slipway.yaml; throws UserErrors with one entry, file and line per mistake. */
export async function loadConfig(file: string = DEFAULT_CONFIG_FILE): Promise<Config> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable'
    throw new UserError(`config file ${reason}`, { file })
  }
  return parseConfig(text, file)
}

export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    throw new UserErrors(
      doc.errors.map((e) => {
        const line = lineCounter.linePos(e.pos[0]).line
        return new UserError(`invalid YAML: ${firstLine(e.message)}`, { file, line })
      })
    )
  }
  const raw: unknown = doc.toJS() ?? {}
  const result = configSchema.safeParse(raw, { reportInput: true })
  const errors = result.success
    ? []
    : result.error.issues.flatMap((issue) => describeIssue(issue, doc, lineCounter, file))
  for (const { path, message } of crossCheck(raw)) {
    errors.push(
      new UserError(`${keyPathText(path)}: ${message}`, {
        file,
        line: lineOf(doc, lineCounter, path)
      })
    )
  }
  if (result.success && errors.length === 0) return result.data
  throw new UserErrors(errors)
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  lineCounter: LineCounter,
  file: string
): UserError[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key]
      return new UserError(`${keyPathText(keyPath)}: unknown key`, {
        file,
        line: lineOf(doc, lineCounter, keyPath)
      })
    })
  }
  return [
    new UserError(`${keyPathText(path)}: ${issueMessage(issue)}`, {
      file,
      line: lineOf(doc, lineCounter, path)
    })
  ]
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required'
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
  }
  return firstLine(issue.message).replace(/^Invalid input: /, '')
}

/** `environments.production.promote-to`, with list indexes as `[2]`. */
export function keyPathText(path: (string | number)[]): string {
  if (path.length === 0) return '(top level)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

/** The line of the key (or list item) at `path`, or of its nearest ancestor that exists. */
function lineOf(
  doc: Document,
  lineCounter: LineCounter,
  path: (string | number)[]
): number | undefined {
  let node: unknown = doc.contents
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0]
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment
      )
      if (!pair) break
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number] } | undefined
      if (!item) break
      offset = item.range?.[0] ?? offset
      node = item
    } else {
      break
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}
