import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Pair,
  type YAMLMap
} from 'yaml'
import type { z } from 'zod'
import { InputError, UserError, UserErrors } from '../errors.js'
import { formatBytes, INPUT_LIMITS, readInputFile } from '../input-file.js'
import { tooDeepAt } from '../yaml-nesting.js'
import { repeatedKeyMessage, repeatedKeys } from '../yaml-unique-keys.js'
import { configSchema, crossCheck, type Config } from './schema.js'

export const DEFAULT_CONFIG_FILE = 'slipway.yaml'

/** Reads and validates slipway.yaml; throws UserErrors with one entry, file and line per mistake. */
export async function loadConfig(file: string = DEFAULT_CONFIG_FILE): Promise<Config> {
  return parseConfig(readInputFile(file, INPUT_LIMITS.configBytes, 'config file'), file)
}

export function parseConfig(text: string, file: string): Config {
  if (text.length > INPUT_LIMITS.configBytes) {
    throw new InputError(
      `config file is larger than the limit of ${formatBytes(INPUT_LIMITS.configBytes)}`,
      { file }
    )
  }
  const deep = tooDeepAt(text)
  if (deep !== undefined) {
    throw new InputError(`invalid YAML: nested more than ${INPUT_LIMITS.flowNesting} levels deep`, {
      file,
      line: lineOfOffset(text, deep)
    })
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const yamlErrors = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message }))
  for (const repeated of repeatedKeys(doc)) {
    yamlErrors.push({ offset: repeated.offset, message: repeatedKeyMessage(repeated) })
  }
  if (yamlErrors.length > 0) {
    throw new UserErrors(
      yamlErrors.map(({ offset, message }) => {
        const line = lineCounter.linePos(offset).line
        const text = message.startsWith('invalid YAML') ? message : `invalid YAML: ${message}`
        return new InputError(firstLine(text), { file, line })
      })
    )
  }
  const raw: unknown = toJS(doc, file) ?? {}
  const result = configSchema.safeParse(raw, { reportInput: true })
  const lineOf = lineIndex(doc, lineCounter)
  const errors = result.success
    ? []
    : result.error.issues.flatMap((issue) => describeIssue(issue, lineOf, file))
  for (const { path, message } of crossCheck(raw)) {
    errors.push(new UserError(`${keyPathText(path)}: ${message}`, { file, line: lineOf(path) }))
  }
  if (result.success && errors.length === 0) return result.data
  throw new UserErrors(errors)
}

function toJS(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    // The yaml library's guard against alias bombs (a few lines that expand to billions of nodes).
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputError('invalid YAML: too many alias expansions (an alias bomb?)', { file })
    }
    throw error
  }
}

type LineOf = (path: (string | number)[]) => number | undefined

function describeIssue(issue: z.core.$ZodIssue, lineOf: LineOf, file: string): UserError[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key]
      return new UserError(`${keyPathText(keyPath)}: unknown key`, { file, line: lineOf(keyPath) })
    })
  }
  return [
    new UserError(`${keyPathText(path)}: ${issueMessage(issue)}`, { file, line: lineOf(path) })
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

/**
 * The line of the key (or list item) at a path, or of its nearest ancestor that exists. Each
 * map's keys are indexed the first time it is looked into, so that thousands of errors in a
 * map of thousands of keys cost one pass, not one search each.
 */
function lineIndex(doc: Document, lineCounter: LineCounter): LineOf {
  const keysOf = new WeakMap<object, Map<unknown, Pair>>()
  const pairsOf = (map: YAMLMap): Map<unknown, Pair> => {
    let index = keysOf.get(map)
    if (!index) {
      index = new Map()
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && !index.has(pair.key.value)) {
          index.set(pair.key.value, pair)
        }
      }
      keysOf.set(map, index)
    }
    return index
  }
  return (path) => {
    let node: unknown = doc.contents
    let offset = (doc.contents as { range?: [number] } | null)?.range?.[0]
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairsOf(node).get(segment)
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
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
