// examples/hello is what `npm run demo` renders and what the README points adopters at: it must
// render cleanly in every environment, the released image pinned and no policy finding left.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'

const ROOT = path.resolve('examples', 'hello')
const CONFIG_FILE = path.join(ROOT, 'slipway.yaml')
const config = parseConfig(readFileSync(CONFIG_FILE, 'utf8'), CONFIG_FILE)
const DIGEST = `sha256:${'c0'.repeat(32)}`

describe('the example app', () => {
  it.each(Object.keys(config.environments))(
    'renders %s with the image pinned and no findings',
    async (environment) => {
      const result = await renderEnvironment({
        config,
        environment,
        root: ROOT,
        configFile: CONFIG_FILE,
        image: `ghcr.io/acme/hello:1.0.0@${DIGEST}`
      })
      expect(result.findings).toEqual([])
      expect(result.pinned.map((p) => p.to)).toEqual([`ghcr.io/acme/hello@${DIGEST}`])
      expect(
        result.objects.every(
          (o) => o.id.namespace === config.environments[environment].namespace || !o.id.namespace
        )
      ).toBe(true)
    }
  )
})
