import { isRecord } from '../records.js'
import type { JsonPath } from './json-stream.js'

// What a scanner's report must look like before anything in it counts. A value of the wrong
// type or a severity the scanner never writes is a report the gate cannot read: it fails
// closed, naming the place, rather than treating the value as absent (which reads as "no
// findings" or "unknown severity", and both pass).

/** Where a value is, e.g. `Results[0].Vulnerabilities[3].Severity`. */
export function jsonPathText(path: readonly (string | number)[]): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) text += text ? `.${part}` : part
    else text += `[${JSON.stringify(part)}]`
  }
  return text
}

/** A value that is not where the scanner would put it, at a path relative to the caller's. */
export class ShapeError extends Error {
  constructor(
    readonly at: (string | number)[],
    message: string
  ) {
    super(message)
    this.name = 'ShapeError'
  }

  /** `message` prefixed with the full path, for a report error. */
  describe(base: JsonPath = []): string {
    return `${jsonPathText([...base, ...this.at])}: ${this.message}`
  }
}

/** A short, one-line picture of a value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (isRecord(value)) return 'an object'
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

export function expectObject(
  value: unknown,
  at: (string | number)[] = []
): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeError(at, `expected an object, got ${describeValue(value)}`)
  return value
}

/** Fields that, when present, are strings. */
export function expectStrings(object: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const value = object[key]
    if (value !== undefined && typeof value !== 'string') {
      throw new ShapeError([key], `expected a string, got ${describeValue(value)}`)
    }
  }
}

export function expectId(object: Record<string, unknown>, key: string): string {
  const value = object[key]
  if (typeof value !== 'string' || value.length === 0) {
    throw new ShapeError([key], `expected a vulnerability ID, got ${describeValue(value)}`)
  }
  return value
}

/** A list, when present, of strings. */
export function expectStringList(object: Record<string, unknown>, key: string): void {
  const value = object[key]
  if (value === undefined) return
  if (!Array.isArray(value)) {
    throw new ShapeError([key], `expected a list, got ${describeValue(value)}`)
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string') {
      throw new ShapeError([key, index], `expected a string, got ${describeValue(item)}`)
    }
  })
}

/** A list, when present, of objects. */
export function expectObjectList(object: Record<string, unknown>, key: string): void {
  const value = object[key]
  if (value === undefined) return
  if (!Array.isArray(value)) {
    throw new ShapeError([key], `expected a list, got ${describeValue(value)}`)
  }
  value.forEach((item, index) => expectObject(item, [key, index]))
}

/** An object, when present. */
export function expectOptionalObject(object: Record<string, unknown>, key: string): void {
  if (object[key] !== undefined) expectObject(object[key], [key])
}

/**
 * A key that differs only in case from one the scanner writes (`vulnerabilities` for
 * `Vulnerabilities`): the scanner did not write it, and skipping it would hide findings.
 */
export function misspelledKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase()
  return known.find((k) => k !== key && k.toLowerCase() === lower)
}
