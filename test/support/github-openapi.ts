// GitHub's own OpenAPI description of api.github.com (npm @octokit/openapi), used by the GitHub
// API double (github-api.ts) to match each request to an operation and to validate request
// bodies, parameters and the double's own responses. The description is OpenAPI 3.0.3: schemas
// are converted for ajv (`nullable`, components references) and compiled lazily, per operation
// and status, so that loading costs one JSON.parse.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import * as formatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Schema = Record<string, unknown>

interface Description {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: {
    schemas: Record<string, Schema>
    parameters: Record<string, Schema>
    responses: Record<string, Schema>
    requestBodies?: Record<string, Schema>
  }
}

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}

export interface Operation {
  operationId: string
  method: string
  /** The path template, as `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  template: string
  parameters: Parameter[]
  requestBody?: { required: boolean; schema?: Schema }
  /** Response schemas by status code; `undefined` for a response without a JSON body. */
  responses: Record<string, Schema | undefined>
}

export interface Match {
  operation: Operation
  params: Record<string, string>
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

const require = createRequire(import.meta.url)
export const DESCRIPTION_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json')

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ??
  formatsModule) as (ajv: Ajv) => Ajv

interface Route {
  operation: Operation
  pattern: RegExp
  names: string[]
  /** 1 for each literal segment, 0 for a parameter: literal segments win over parameters. */
  rank: number[]
}

/** The description, matched and validated against. One per process: parsing it takes ~0.3 s. */
export class GitHubDescription {
  private readonly doc: Description
  private readonly routes: Route[] = []
  private readonly ajv: Ajv
  private readonly validators = new Map<string, ValidateFunction>()

  private constructor(doc: Description) {
    this.doc = doc
    for (const [template, item] of Object.entries(doc.paths)) {
      const shared = (item.parameters as Parameter[] | undefined) ?? []
      for (const method of METHODS) {
        const op = item[method] as Record<string, unknown> | undefined
        if (op) this.routes.push(this.route(template, method, op, shared))
      }
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false })
    addFormats(this.ajv)
  }

  private static loaded: GitHubDescription | undefined

  static load(): GitHubDescription {
    GitHubDescription.loaded ??= new GitHubDescription(
      JSON.parse(readFileSync(DESCRIPTION_FILE, 'utf8')) as Description
    )
    return GitHubDescription.loaded
  }

  get version(): string {
    return this.doc.openapi
  }

  /** The operation for a method and path, the most literal template first. */
  match(method: string, pathname: string): Match | undefined {
    const lower = method.toLowerCase()
    let best: { route: Route; values: string[] } | undefined
    for (const route of this.routes) {
      if (route.operation.method !== lower) continue
      const m = route.pattern.exec(pathname)
      if (!m) continue
      if (!best || compareRank(route.rank, best.route.rank) > 0) {
        best = { route, values: m.slice(1) }
      }
    }
    if (!best) return undefined
    const params = Object.fromEntries(
      best.route.names.map((name, i) => [name, decodeURIComponent(best.values[i])])
    )
    return { operation: best.route.operation, params }
  }

  /** The templates that match the path with any method (for a "wrong method" message). */
  methodsFor(pathname: string): string[] {
    return this.routes
      .filter((r) => r.pattern.test(pathname))
      .map((r) => r.operation.method.toUpperCase())
  }

  /** Problems with the parameters and body of a request; empty when it follows the description. */
  checkRequest(
    operation: Operation,
    request: { params: Record<string, string>; query: URLSearchParams; body: unknown }
  ): string[] {
    const problems: string[] = []
    const known = new Set<string>()
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue
      known.add(`${parameter.in}:${parameter.name}`)
      const raw =
        parameter.in === 'path'
          ? request.params[parameter.name]
          : (request.query.get(parameter.name) ?? undefined)
      if (raw === undefined) {
        if (parameter.required)
          problems.push(`${parameter.in} parameter ${parameter.name} is missing`)
        continue
      }
      if (!parameter.schema) continue
      const validate = this.validator(
        `param ${operation.operationId} ${parameter.name}`,
        () => parameter.schema!
      )
      const value = coerce(raw, parameter.schema)
      if (!validate(value)) {
        problems.push(
          `${parameter.in} parameter ${parameter.name}=${JSON.stringify(raw)}: ${errorsText(validate.errors)}`
        )
      }
    }
    for (const name of new Set(request.query.keys())) {
      if (!known.has(`query:${name}`)) problems.push(`query parameter ${name} is not described`)
    }

    const described = operation.requestBody
    if (request.body === undefined) {
      if (described?.required) problems.push('the request has no body, and one is required')
      return problems
    }
    if (!described?.schema) {
      problems.push('the request has a body, and the operation takes none')
      return problems
    }
    const validate = this.validator(`request ${operation.operationId}`, () => described.schema!)
    if (!validate(request.body)) problems.push(`body: ${errorsText(validate.errors)}`)
    const properties = described.schema.properties as Schema | undefined
    if (properties && isObject(request.body)) {
      for (const key of Object.keys(request.body)) {
        if (!(key in properties)) problems.push(`body: field "${key}" is not described`)
      }
    }
    return problems
  }

  /**
   * Problems with a response the double is about to send. A status the operation does not list
   * is allowed only for errors GitHub sends on any route (400, 401, 403, 404, 422), with
   * basic-error's shape.
   */
  checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const key = String(status)
    let schema: Schema | undefined
    if (key in operation.responses) {
      schema = operation.responses[key]
    } else if ([400, 401, 403, 404, 422].includes(status)) {
      schema = { $ref: '#/components/schemas/basic-error' }
    } else {
      return [`status ${status} is not a described response of ${operation.operationId}`]
    }
    if (!schema) {
      return body === undefined ? [] : [`status ${status} of ${operation.operationId} has no body`]
    }
    const validate = this.validator(`response ${operation.operationId} ${key}`, () => schema)
    return validate(body) ? [] : [`${status} body: ${errorsText(validate.errors)}`]
  }

  private validator(key: string, schemaOf: () => Schema): ValidateFunction {
    let validate = this.validators.get(key)
    if (!validate) {
      validate = this.ajv.compile(this.standalone(schemaOf()))
      this.validators.set(key, validate)
    }
    return validate
  }

  /** The schema converted for ajv, with the component schemas it uses as `definitions`. */
  private standalone(schema: Schema): Schema {
    const definitions: Record<string, unknown> = {}
    const pending: string[] = []
    const use = (name: string) => {
      if (name in definitions) return
      definitions[name] = null
      pending.push(name)
    }
    const root = convert(schema, use)
    while (pending.length > 0) {
      const name = pending.pop()!
      const component = this.doc.components.schemas[name]
      if (!component) throw new Error(`the description has no schema ${name}`)
      definitions[name] = convert(component, use)
    }
    return { ...root, definitions }
  }

  private route(
    template: string,
    method: string,
    op: Record<string, unknown>,
    shared: Parameter[]
  ): Route {
    const names: string[] = []
    const rank: number[] = []
    const source = template
      .split('/')
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment)
        if (param) {
          names.push(param[1])
          rank.push(0)
          return '([^/]+)'
        }
        rank.push(1)
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    const parameters = [...shared, ...((op.parameters as Parameter[] | undefined) ?? [])].map(
      (p) => this.deref(p as unknown as Schema) as unknown as Parameter
    )
    const body = op.requestBody
      ? (this.deref(op.requestBody as Schema) as {
          required?: boolean
          content?: Record<string, { schema?: Schema }>
        })
      : undefined
    const responses: Record<string, Schema | undefined> = {}
    for (const [status, response] of Object.entries((op.responses as Schema) ?? {})) {
      const resolved = this.deref(response as Schema) as {
        content?: Record<string, { schema?: Schema }>
      }
      responses[status] = jsonContent(resolved.content)?.schema
    }
    return {
      operation: {
        operationId: String(op.operationId),
        method,
        template,
        parameters,
        requestBody: body
          ? { required: body.required === true, schema: jsonContent(body.content)?.schema }
          : undefined,
        responses
      },
      pattern: new RegExp(`^${source}$`),
      names,
      rank
    }
  }

  /** Follows a `#/components/...` reference to a parameter, response or request body. */
  private deref(value: Schema): Schema {
    const ref = value.$ref
    if (typeof ref !== 'string') return value
    const [, , section, name] = ref.split('/')
    const target = (this.doc.components as unknown as Record<string, Record<string, Schema>>)[
      section
    ]?.[name]
    if (!target) throw new Error(`the description has no ${ref}`)
    return this.deref(target)
  }
}

function jsonContent(
  content: Record<string, { schema?: Schema }> | undefined
): { schema?: Schema } | undefined {
  if (!content) return undefined
  return content['application/json'] ?? content['application/scim+json']
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions'])
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf'])
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not'])
/** OpenAPI annotations that are not JSON Schema and carry no constraint. */
const DROPPED = new Set(['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs'])

/**
 * OpenAPI 3.0 schema to JSON Schema draft-07 for ajv: `nullable: true` becomes a `null` type (or
 * an `anyOf` with null where there is no `type`), component references point at `definitions`,
 * and a formatted string also accepts its documented default.
 */
function convert(schema: Schema, use: (component: string) => void): Schema {
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue
    if (key === '$ref' && typeof value === 'string') {
      const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1]
      if (!name) throw new Error(`unsupported reference ${value}`)
      use(name)
      out.$ref = `#/definitions/${name}`
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, convert(sub as Schema, use)])
      )
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => convert(sub as Schema, use))
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      out[key] = convert(value, use)
    } else {
      out[key] = value
    }
  }
  // The description's own default is a value GitHub sends, even where it breaks the format
  // (deployment statuses: `target_url` is a "uri" whose default is "").
  if (typeof out.format === 'string' && typeof out.default === 'string') {
    const withDefault: Schema = { anyOf: [out, { const: out.default }] }
    return schema.nullable === true
      ? { anyOf: [...(withDefault.anyOf as Schema[]), { type: 'null' }] }
      : withDefault
  }
  if (schema.nullable !== true) return out
  if (typeof out.type === 'string' && !('$ref' in out)) {
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  return { anyOf: [out, { type: 'null' }] }
}

/** A path or query string as the parameter's schema type, so that `"30"` validates as integer. */
function coerce(raw: string, schema: Schema): unknown {
  const type = schema.type
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw)
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true'
  if (type === 'array') return raw.split(',')
  return raw
}

function errorsText(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'invalid'
  return errors
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim())
    .join('; ')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
