import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../errors.js'
import { INPUT_LIMITS, readInputFile } from '../../input-file.js'
import { isInside } from '../inside-root.js'
import { isRecord, type KubeObject } from '../manifest.js'
import { parseObjects } from '../yaml-documents.js'
import { yamlFilesUnder } from '../yaml-folder.js'
import type { Validator } from './builtin-schemas.js'
import { schemaErrors, type AjvError } from './schema-errors.js'

/** The schemas of custom resources, from CustomResourceDefinitions. */
export interface CrdCatalog {
  /** Keyed `group/version/Kind`. */
  validator(apiVersion: string, kind: string): Validator | undefined
  /** Whether some CRD defines the kind, in any version. */
  defines(group: string, kind: string): boolean
  /** `group/Kind` to whether its objects are namespaced. */
  scopes: Map<string, boolean>
}

interface CrdVersion {
  schema: Record<string, unknown>
  validate?: ValidateFunction
}

/**
 * Reads the CRDs in `sources` (files or folders of YAML, already inside the repository) and
 * those among the rendered `objects` themselves.
 */
export async function loadCrdCatalog(
  sources: string[],
  root: string,
  objects: KubeObject[]
): Promise<CrdCatalog> {
  const crds = [...objects]
  for (const source of sources) {
    for (const file of await yamlFiles(source, root)) {
      const text = readInputFile(file, INPUT_LIMITS.manifestFileBytes, 'CRD file')
      for (const parsed of parseObjects(text, file)) crds.push(parsed.object)
    }
  }
  const versions = new Map<string, CrdVersion>()
  const scopes = new Map<string, boolean>()
  for (const crd of crds) {
    if (crd.kind !== 'CustomResourceDefinition' || !isRecord(crd.spec)) continue
    const { group, names } = crd.spec
    if (typeof group !== 'string' || !isRecord(names) || typeof names.kind !== 'string') continue
    scopes.set(`${group}/${names.kind}`, crd.spec.scope !== 'Cluster')
    for (const version of Array.isArray(crd.spec.versions) ? crd.spec.versions : []) {
      const schema =
        isRecord(version) && isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined
      if (isRecord(version) && typeof version.name === 'string' && isRecord(schema)) {
        versions.set(`${group}/${version.name}/${names.kind}`, { schema })
      }
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
  return {
    scopes,
    defines: (group, kind) => scopes.has(`${group}/${kind}`),
    validator(apiVersion, kind) {
      const entry = versions.get(`${apiVersion}/${kind}`)
      if (!entry) return undefined
      entry.validate ??= ajv.compile(structural(entry.schema, true))
      const validate = entry.validate
      return (object) =>
        validate(object) ? [] : schemaErrors(toAjvErrors(validate.errors), object)
    }
  }
}

async function yamlFiles(source: string, root: string): Promise<string[]> {
  if (!isInside(root, source)) {
    throw new UserError(`validation.crd-schemas: "${source}" points outside the repository`)
  }
  let info
  try {
    info = await stat(source)
  } catch {
    throw new UserError(`validation.crd-schemas: "${path.relative(root, source)}" does not exist`)
  }
  if (!info.isDirectory()) return [source]
  const { files, errors } = await yamlFilesUnder(source, root)
  if (errors.length > 0) throw errors[0]
  return files
}

/**
 * A CRD's OpenAPI schema as JSON Schema with the API server's rules: fields not in the schema
 * are unknown (unless it preserves unknown fields), `nullable` allows null, and
 * `x-kubernetes-int-or-string` takes either.
 */
function structural(schema: unknown, top = false): Record<string, unknown> {
  if (!isRecord(schema)) return {}
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isRecord(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structural(v)]))
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = isRecord(value) ? structural(value) : value
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((v) => structural(v))
    } else if (key !== 'nullable' && key !== 'x-kubernetes-int-or-string') {
      out[key] = value
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    delete out.type
    out.anyOf = [{ type: 'integer' }, { type: 'string' }]
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null']
  if (top) {
    const properties = isRecord(out.properties) ? out.properties : {}
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...properties
    }
  }
  const closed =
    isRecord(out.properties) &&
    out.additionalProperties === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true
  if (closed) out.additionalProperties = false
  return out
}

function toAjvErrors(errors: ErrorObject[] | null | undefined): AjvError[] {
  return (errors ?? []).map((e) => ({ ...e, params: e.params as Record<string, unknown> }))
}
