import { BUILTIN_KINDS } from './builtin-kinds.js'
import { schemaErrors, type AjvError, type SchemaError } from './schema-errors.js'

/** A kubernetes-models class: its prototype's validate() checks `this` against the schema. */
export interface KindModel {
  prototype: { validate(): void }
}

export type Validator = (object: unknown) => SchemaError[]

const loaded = new Map<string, Promise<Validator | undefined>>()

/** The OpenAPI schema validator of a built-in kind, or undefined when the kind has none. */
export function builtinValidator(apiVersion: string, kind: string): Promise<Validator | undefined> {
  const key = `${apiVersion}/${kind}`
  let validator = loaded.get(key)
  if (!validator) {
    validator = Object.hasOwn(BUILTIN_KINDS, key)
      ? BUILTIN_KINDS[key]().then(toValidator)
      : Promise.resolve(undefined)
    loaded.set(key, validator)
  }
  return validator
}

function toValidator(model: KindModel): Validator {
  return (object) => {
    try {
      // Called on the plain object itself: constructing the model would copy it first.
      model.prototype.validate.call(object)
      return []
    } catch (error) {
      const errors = (error as { errors?: AjvError[] }).errors
      if (!Array.isArray(errors)) throw error
      return schemaErrors(errors, object)
    }
  }
}
