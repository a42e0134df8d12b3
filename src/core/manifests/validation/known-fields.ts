import { groupOf, isRecord, versionOf, type FieldPath } from '../manifest.js'

// kubernetes-models checks types, required fields and formats, but lets unknown fields through.
// The official client's generated models list every field of every type of the Kubernetes
// OpenAPI description, which is what finds a misspelt or misplaced field.

interface Attribute {
  baseName: string
  type: string
}
type Models = Record<string, { attributeTypeMap?: Attribute[] } | undefined>

let models: Promise<Models> | undefined
const fieldTables = new Map<string, Map<string, string> | undefined>()

function loadModels(): Promise<Models> {
  models ??= import(
    /* webpackChunkName: "kubernetes-client-models" */ '@kubernetes/client-node/dist/gen/models/all.js'
  ) as unknown as Promise<Models>
  return models
}

/**
 * The paths of fields the kind's schema does not have; undefined when the client knows no
 * such kind.
 */
export async function unknownFields(
  object: Record<string, unknown>,
  apiVersion: string,
  kind: string
): Promise<FieldPath[] | undefined> {
  const all = await loadModels()
  const type = modelName(all, apiVersion, kind)
  if (!type) return undefined
  const found: FieldPath[] = []
  walk(all, object, type, [], found)
  return found
}

function modelName(all: Models, apiVersion: string, kind: string): string | undefined {
  const group = groupOf(apiVersion)
  const version = capitalize(versionOf(apiVersion))
  const prefix = group === '' ? 'Core' : capitalize(group.split('.')[0])
  for (const name of [`${prefix}${version}${kind}`, `${version}${kind}`]) {
    const table = fieldsOf(all, name)
    if (table?.has('kind') && table.has('apiVersion')) return name
  }
  return undefined
}

function walk(
  all: Models,
  value: unknown,
  type: string,
  path: FieldPath,
  found: FieldPath[]
): void {
  if (value === null || value === undefined) return
  const array = /^Array<(.+)>$/.exec(type)
  if (array) {
    if (Array.isArray(value))
      value.forEach((item, i) => walk(all, item, array[1], [...path, i], found))
    return
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type)
  if (map) {
    if (isRecord(value))
      for (const key of Object.keys(value)) walk(all, value[key], map[1], [...path, key], found)
    return
  }
  const fields = fieldsOf(all, type)
  if (!fields || !isRecord(value)) return
  for (const key of Object.keys(value)) {
    const fieldType = fields.get(key)
    if (fieldType === undefined) found.push([...path, key])
    else walk(all, value[key], fieldType, [...path, key], found)
  }
}

function fieldsOf(all: Models, type: string): Map<string, string> | undefined {
  if (!fieldTables.has(type)) {
    const attributes = Object.hasOwn(all, type) ? all[type]?.attributeTypeMap : undefined
    fieldTables.set(type, attributes && new Map(attributes.map((a) => [a.baseName, a.type])))
  }
  return fieldTables.get(type)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
