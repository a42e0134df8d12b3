import { z } from 'zod'
import { configSchema } from './schema.js'

/** The JSON Schema of slipway.yaml, for editors (yaml-language-server) and other tools. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' })
  return {
    ...schema,
    $id: 'https://github.com/acme/slipway/schema/slipway.schema.json',
    title: 'slipway.yaml',
    description: 'Configuration of slipway: image, manifests, environments, scan policy, analysis'
  }
}
