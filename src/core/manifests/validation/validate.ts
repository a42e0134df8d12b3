import type { Finding } from '../findings.js'
import { describeId, groupOf, idOf, pathText, type FieldPath, type Manifest } from '../manifest.js'
import { isBuiltinGroup } from '../builtin-groups.js'
import { apiConstraintViolations } from './api-constraints.js'
import { SCHEMA_PACKAGE } from './builtin-kinds.js'
import { builtinValidator } from './builtin-schemas.js'
import type { CrdCatalog } from './crd-schemas.js'
import { unknownFields } from './known-fields.js'
import { removedApi } from './removed-apis.js'

export interface ValidationOptions {
  kubernetesVersion: string
  crds: CrdCatalog
  /** Custom resources without a schema: a warning when true, an error when false. */
  skipUnknownCrds: boolean
}

// The kinds nearly every render has: loading their validators early overlaps with rendering.
const COMMON_KINDS = [
  ['v1', 'ConfigMap'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['apps/v1', 'Deployment']
]

/** Loads the schemas most renders need, so that validation does not wait for them. */
export async function preloadSchemas(): Promise<void> {
  // One at a time: their modules share dependencies, and so need not be loaded twice.
  for (const [apiVersion, kind] of COMMON_KINDS) await builtinValidator(apiVersion, kind)
  await unknownFields({}, 'v1', 'ConfigMap')
}

/**
 * Checks every object against the OpenAPI schema of its kind: built-in kinds against
 * Kubernetes' own (kubernetes-models, plus the official client's field lists for unknown
 * fields), custom resources against their CRD's. Each problem points at its field's source.
 */
export async function validateManifests(
  manifests: Manifest[],
  options: ValidationOptions
): Promise<Finding[]> {
  const findings: Finding[] = []
  const unvalidated = new Map<string, Manifest[]>()
  for (const manifest of manifests) {
    const { object } = manifest
    const id = idOf(object)
    const object_ = describeId(id)
    const fail = (path: FieldPath, message: string) =>
      findings.push({
        level: 'error',
        check: 'schema',
        object: object_,
        message: path.length > 0 ? `${pathText(path)}: ${message}` : message,
        location: manifest.where(path)
      })
    const missing = (['apiVersion', 'kind'] as const).filter((key) => !id[key])
    if (missing.length > 0 || !id.name) {
      for (const key of missing) fail([key], 'is required')
      if (!id.name) fail(['metadata', 'name'], 'is required')
      continue
    }
    const removed = removedApi(id.apiVersion, id.kind, options.kubernetesVersion)
    if (removed) {
      fail(['apiVersion'], removed)
      continue
    }
    const builtin = await builtinValidator(id.apiVersion, id.kind)
    if (builtin) {
      for (const error of builtin(object)) fail(error.path, error.message)
      for (const path of (await unknownFields(object, id.apiVersion, id.kind)) ?? []) {
        fail(path, 'is not a field of this kind (unknown field)')
      }
      for (const { path, message } of apiConstraintViolations(object)) {
        findings.push({
          level: 'error',
          check: 'api-validation',
          object: object_,
          message: `${pathText(path)}: ${message}`,
          location: manifest.where(path)
        })
      }
      continue
    }
    const group = groupOf(id.apiVersion)
    const custom = options.crds.validator(id.apiVersion, id.kind)
    if (custom) {
      for (const error of custom(object)) fail(error.path, error.message)
    } else if (isBuiltinGroup(group) && !options.crds.defines(group, id.kind)) {
      fail(['kind'], `${id.apiVersion} has no kind ${id.kind} (schemas of ${SCHEMA_PACKAGE})`)
    } else {
      const key = `${id.apiVersion} ${id.kind}`
      unvalidated.set(key, [...(unvalidated.get(key) ?? []), manifest])
    }
  }
  for (const [key, list] of unvalidated) {
    const count = list.length === 1 ? '1 object' : `${list.length} objects`
    findings.push({
      level: options.skipUnknownCrds ? 'warning' : 'error',
      check: 'crd-schema',
      message: `no schema for ${key} (${count}), not validated: add its CustomResourceDefinition to validation.crd-schemas`,
      object: describeId(idOf(list[0].object)),
      location: list[0].where()
    })
  }
  return findings
}
