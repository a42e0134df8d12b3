import { describe, expect, it } from '@jest/globals'
import {
  canonicalRepository,
  parseImageRef,
  parseReleaseImage
} from '../../src/core/manifests/image-ref.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`

describe('image references', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['localhost:5000/app:v1', { repository: 'localhost:5000/app', tag: 'v1' }],
    [
      `ghcr.io/acme/hello:1.2@${DIGEST}`,
      { repository: 'ghcr.io/acme/hello', tag: '1.2', digest: DIGEST }
    ],
    [`redis@${DIGEST}`, { repository: 'redis', digest: DIGEST }]
  ])('parses %s', (text, expected) => {
    expect(parseImageRef(text)).toEqual(expected)
  })

  it.each(['', 'Upper/Case', 'repo:bad tag', '${IMAGE}', 'a//b'])('refuses %j', (text) => {
    expect(parseImageRef(text)).toBeUndefined()
  })

  it('compares Docker Hub names in their canonical form', () => {
    expect(canonicalRepository('nginx')).toBe('docker.io/library/nginx')
    expect(canonicalRepository('docker.io/nginx')).toBe('docker.io/library/nginx')
    expect(canonicalRepository('index.docker.io/library/nginx')).toBe('docker.io/library/nginx')
    expect(canonicalRepository('bitnami/redis')).toBe('docker.io/bitnami/redis')
    expect(canonicalRepository('ghcr.io/acme/hello')).toBe('ghcr.io/acme/hello')
    expect(canonicalRepository('localhost:5000/app')).toBe('localhost:5000/app')
  })

  it('takes a released image with a digest, or a bare digest of the configured repository', () => {
    expect(parseReleaseImage(`ghcr.io/acme/hello:1.2@${DIGEST}`, 'x', 'image')).toEqual({
      repository: 'ghcr.io/acme/hello',
      tag: '1.2',
      digest: DIGEST
    })
    expect(parseReleaseImage(DIGEST, 'ghcr.io/acme/hello', 'image')).toEqual({
      repository: 'ghcr.io/acme/hello',
      digest: DIGEST
    })
  })

  it('refuses a released image without a well-formed digest', () => {
    expect(() => parseReleaseImage('ghcr.io/acme/hello:1.2', 'x', 'input "image"')).toThrow(
      'input "image": "ghcr.io/acme/hello:1.2" has no digest; expected repository@sha256:<64 hex digits>'
    )
    // kustomize builds with this short digest (transformerconfigs/images); a pin must not.
    expect(() => parseReleaseImage('nginx@sha256:25a0d4', 'x', 'image')).toThrow(
      /not a valid digest/
    )
  })
})
