import type { FieldPath } from '../manifest.js'

/** A field that does not match its schema. */
export interface SchemaError {
  path: FieldPath
  message: string
}

/** What ajv reports (kubernetes-models' validators are ajv's, compiled ahead of time). */
export interface AjvError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

const FORMAT_HINTS: Record<string, string> = {
  quantity: 'a quantity such as 250m, 1.5 or 128Mi',
  'int-or-string': 'a number or a string',
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
  'date-time': 'a date and time such as 2024-01-31T12:00:00Z'
}

// When one field breaks several rules (a oneOf and each of its branches), the most telling wins.
const PRIORITY = ['required', 'additionalProperties', 'format', 'type', 'enum', 'const', 'pattern']

/** One readable error per field, in document order of the fields. */
export function schemaErrors(errors: AjvError[], value: unknown): SchemaError[] {
  const byPath = new Map<string, { error: AjvError; rank: number }>()
  for (const error of errors) {
    const path = errorPath(error)
    const key = JSON.stringify(path)
    const rank = PRIORITY.includes(error.keyword)
      ? PRIORITY.indexOf(error.keyword)
      : PRIORITY.length
    const current = byPath.get(key)
    if (!current || rank < current.rank) byPath.set(key, { error, rank })
  }
  return [...byPath.values()].map(({ error }) => ({
    path: errorPath(error),
    message: describe(error, valueAt(value, pointer(error.instancePath)))
  }))
}

function errorPath(error: AjvError): FieldPath {
  const path = pointer(error.instancePath)
  if (error.keyword === 'required') path.push(String(error.params.missingProperty))
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty))
  return path
}

function describe(error: AjvError, actual: unknown): string {
  const { keyword, params } = error
  switch (keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return 'is not a field of this kind (unknown field)'
    case 'type':
      return `expected ${params.type}, got ${show(actual)}`
    case 'format':
      return `expected ${FORMAT_HINTS[String(params.format)] ?? `format ${params.format}`}, got ${show(actual)}`
    case 'enum':
      return `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${show(actual)}`
    default:
      return error.message ?? keyword
  }
}

function show(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`
}

function pointer(instancePath: string): FieldPath {
  if (!instancePath) return []
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s))
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let node = value
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[segment]
  }
  return node
}
