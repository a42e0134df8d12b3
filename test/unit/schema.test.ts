import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { configJsonSchema } from '../../src/core/config/json-schema.js'

describe('schema/slipway.schema.json', () => {
  it('is the schema the code validates with (run npm run schema after changing it)', async () => {
    const committed = JSON.parse(await readFile('schema/slipway.schema.json', 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())))
  })

  it('tells editors which keys exist and which are required', () => {
    const schema = configJsonSchema() as {
      required: string[]
      additionalProperties: boolean
      properties: Record<string, unknown>
    }
    expect(schema.required).toEqual(expect.arrayContaining(['image', 'environments']))
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['image', 'manifests', 'environments', 'scan', 'analysis'])
    )
  })
})
