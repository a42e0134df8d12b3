// Image references are read by the distribution spec's grammar (distribution/reference's
// reference.go, and go-digest for the digest): one that is not valid is an error on its line,
// never a reference that every image check silently skips.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { formatUserError, UserErrors } from '../../src/core/errors.js'
import { parseReference } from '../../src/core/image/reference.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'

const HEX64 = 'a'.repeat(64)

// Each is invalid under the grammar, for the reason given.
const INVALID: [string, string][] = [
  ['NGINX:1', 'repository names are lowercase'],
  ['nginx@sha256:abc', 'a sha256 digest has 64 hex digits'],
  [`nginx@sha256:${'a'.repeat(66)}`, 'a sha256 digest has 64 hex digits'],
  [`nginx@sha512:${HEX64}`, 'a sha512 digest has 128 hex digits'],
  ['nginx:bad tag', 'a tag is [\\w][\\w.-]{0,127}'],
  ['', 'empty'],
  [`nginx@md5:${'a'.repeat(32)}`, 'md5 is not a registered algorithm'],
  [':1.0', 'no repository'],
  ['ghcr.io/acme//x:1', 'empty path component'],
  ['nginx:-1', 'a tag cannot start with -'],
  [`nginx:${'a'.repeat(129)}`, 'a tag is at most 128 characters']
]

const VALID = [
  'nginx',
  'nginx:1.27-alpine',
  `nginx@sha256:${HEX64}`,
  `ghcr.io/acme/hello:v1@sha256:${HEX64}`,
  `localhost:5000/a__b/c-d.e:1`,
  `registry.example.com/x@sha512:${'b'.repeat(128)}`
]

describe('image reference grammar', () => {
  it.each(INVALID)('refuses %j (%s)', (text) => {
    expect(() => parseReference(text)).toThrow(/invalid image reference/)
  })

  it.each(VALID)('accepts %j', (text) => {
    expect(() => parseReference(text)).not.toThrow()
  })
})

async function renderFindings(image: string): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-image-ref-'))
  mkdirSync(path.join(root, 'deploy'))
  writeFileSync(
    path.join(root, 'deploy', 'app.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '        - name: app',
      `          image: ${JSON.stringify(image)}`,
      ''
    ].join('\n')
  )
  const text =
    'image:\n  repository: ghcr.io/acme/hello\nmanifests:\n  path: deploy\nenvironments:\n  staging:\n    namespace: s\n'
  const result = await renderEnvironment({
    config: parseConfig(text, 'slipway.yaml'),
    environment: 'staging',
    root
  })
  return result.findings
    .filter((f) => f.level === 'error')
    .map((f) => `${path.relative(root, f.location!.file)}:${f.location!.line}: ${f.check}`)
}

describe('image references in rendered manifests', () => {
  it.each(INVALID)('an invalid image %j is an error on its line', async (image) => {
    expect(await renderFindings(image)).toEqual(['deploy/app.yaml:14: image-reference'])
  })

  it('a valid pinned image is no error', async () => {
    expect(await renderFindings(`nginx@sha256:${HEX64}`)).toEqual([])
  })
})

function configErrors(text: string): string[] {
  try {
    parseConfig(text, 'slipway.yaml')
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError)
    throw error
  }
  return []
}

describe('image references in slipway.yaml', () => {
  const config = (image: string, manifests = '  path: deploy\n') =>
    `image:\n  repository: ${JSON.stringify(image)}\nmanifests:\n${manifests}environments:\n  staging:\n    namespace: s\n`

  it('refuses an image.repository that is not a repository name, on its line', () => {
    expect(configErrors(config('not a ref!!'))).toEqual([
      expect.stringMatching(/^slipway\.yaml:2: image\.repository: .*not a valid repository/)
    ])
    expect(configErrors(config('ghcr.io/acme/hello:v1'))).toEqual([
      expect.stringMatching(/^slipway\.yaml:2: image\.repository: .*without a tag or digest/)
    ])
    expect(configErrors(config('ghcr.io/acme/hello'))).toEqual([])
  })

  it('refuses a pin whose digest is malformed, on its line', () => {
    const pins = `  path: deploy\n  pin:\n    - NGINX@sha256:${HEX64}\n`
    expect(configErrors(config('ghcr.io/acme/hello', pins))).toEqual([
      expect.stringMatching(/^slipway\.yaml:6: manifests\.pin\[0\]: /)
    ])
  })
})
