import { UserError } from '../errors.js'
import { isRecord } from '../records.js'
import type { RawSample } from './preprocess.js'

/** Samples per metric name, in time order; null is a missing sample. A Map: names are data. */
export type SampleSet = Map<string, RawSample[]>

/**
 * Reads `{"metrics": {"<name>": [numbers or null]}}`. Mistakes become a UserError naming
 * the file, with the line of a JSON syntax error.
 */
export function parseSamplesFile(text: string, file: string): SampleSet {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const offset = syntaxErrorOffset(text)
    const line = offset === undefined ? undefined : lineAt(text, offset)
    const detail = (error as Error).message
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
    throw new UserError(`invalid JSON: ${detail}`, { file, line })
  }
  if (!isRecord(document) || !isRecord(document.metrics)) {
    throw new UserError('expected {"metrics": {"<name>": [numbers or null]}}', { file })
  }
  const samples: SampleSet = new Map()
  for (const [name, values] of Object.entries(document.metrics)) {
    if (!Array.isArray(values))
      throw new UserError(`metrics.${name}: expected an array of numbers or null`, { file })
    values.forEach((value, index) => {
      if (value !== null && typeof value !== 'number') {
        throw new UserError(
          `metrics.${name}[${index}]: expected a number or null, got ${sampleText(value)}`,
          {
            file
          }
        )
      }
    })
    samples.set(name, values as RawSample[])
  }
  return samples
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Where JSON.parse gave up, found by a small recursive-descent scan: V8 names a position
 * for some errors only.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  let at = 0
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const fail = (): never => {
    throw new SyntaxAt(at)
  }
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++
  }
  const string = () => {
    at++
    while (at < text.length) {
      const c = text[at]
      if (c === '"') {
        at++
        return
      }
      if (c < ' ') fail()
      at += c === '\\' ? 2 : 1
    }
    fail()
  }
  const value = (): void => {
    space()
    const c = text[at]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      at++
      space()
      if (text[at] === close) {
        at++
        return
      }
      for (;;) {
        if (c === '{') {
          space()
          if (text[at] !== '"') fail()
          string()
          space()
          if (text[at] !== ':') fail()
          at++
        }
        value()
        space()
        if (text[at] === ',') at++
        else if (text[at] === close) {
          at++
          return
        } else fail()
      }
    }
    if (c === '"') return string()
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length
        return
      }
    }
    number.lastIndex = at
    if (!number.test(text)) fail()
    at = number.lastIndex
  }
  try {
    value()
    space()
    if (at < text.length) fail()
    return undefined
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset
    throw error
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

// A sample that is not a number is shown briefly: it may be nested deeper than JSON.stringify's
// recursion can go.
function sampleText(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}...` : text
}
