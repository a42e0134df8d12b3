import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UserError } from '../../src/core/errors.js'
import {
  digestOf,
  DigestMismatchError,
  DigestVerifier,
  parseDigest
} from '../../src/core/image/digest.js'
import { blobsOf, isForeign, parseManifest } from '../../src/core/image/manifest.js'
import { bareMediaType, MANIFEST_ACCEPT } from '../../src/core/image/media-types.js'

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

async function drain(source: Readable, verifier: DigestVerifier): Promise<number> {
  let bytes = 0
  await pipeline(source, verifier, async (stream: AsyncIterable<Buffer>) => {
    for await (const chunk of stream) bytes += chunk.length
  })
  return bytes
}

describe('digests', () => {
  test('parse and compute', () => {
    expect(parseDigest(sha('x'))).toEqual({ algorithm: 'sha256', hex: sha('x').slice(7) })
    expect(digestOf(Buffer.from('x'))).toBe(sha('x'))
    expect(digestOf(Buffer.from('x'), `sha512:${'0'.repeat(128)}`)).toMatch(
      /^sha512:[0-9a-f]{128}$/
    )
    expect(() => parseDigest('md5:abc')).toThrow('unsupported digest algorithm "md5"')
    expect(() => parseDigest('sha256')).toThrow('expected algorithm:hex')
  })

  test('a stream with the right content passes, chunk by chunk', async () => {
    const parts = ['hello ', 'streaming ', 'world']
    const bytes = await drain(
      Readable.from(parts.map((p) => Buffer.from(p))),
      new DigestVerifier(sha(parts.join('')), 21)
    )
    expect(bytes).toBe(21)
  })

  test('a stream with other content, or too few or too many bytes, fails', async () => {
    const body = () => Readable.from([Buffer.from('hello')])
    await expect(drain(body(), new DigestVerifier(sha('HELLO')))).rejects.toThrow(
      DigestMismatchError
    )
    await expect(drain(body(), new DigestVerifier(sha('hello'), 6))).rejects.toThrow(
      '5 bytes, expected 6'
    )
    await expect(drain(body(), new DigestVerifier(sha('hell'), 4))).rejects.toThrow(
      'more than the expected 4 bytes'
    )
  })
})

describe('parseManifest', () => {
  const config = {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    digest: sha('c'),
    size: 1
  }
  const layer = {
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: sha('l'),
    size: 2
  }
  const image = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers: [layer]
  }
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value))

  test('an image manifest and its blobs', () => {
    const parsed = parseManifest(bytes(image))
    expect(parsed).toEqual({ kind: 'image', mediaType: image.mediaType, config, layers: [layer] })
    expect(blobsOf(parsed)).toEqual([config, layer])
  })

  test('an index, Docker or OCI, by Content-Type, mediaType field or shape', () => {
    const child = {
      mediaType: image.mediaType,
      digest: sha('m'),
      size: 3,
      platform: { os: 'linux', architecture: 'arm64' }
    }
    const list = 'application/vnd.docker.distribution.manifest.list.v2+json'
    expect(
      parseManifest(bytes({ schemaVersion: 2, mediaType: list, manifests: [child] }))
    ).toMatchObject({
      kind: 'index',
      mediaType: list,
      manifests: [child]
    })
    expect(parseManifest(bytes({ schemaVersion: 2, manifests: [child] })).mediaType).toBe(
      'application/vnd.oci.image.index.v1+json'
    )
    const withoutType = { schemaVersion: 2, config, layers: [layer] }
    expect(parseManifest(bytes(withoutType), 'application/json').mediaType).toBe(
      'application/vnd.oci.image.manifest.v1+json'
    )
    expect(
      parseManifest(bytes(withoutType), 'application/vnd.docker.distribution.manifest.v2+json').kind
    ).toBe('image')
  })

  test('what it refuses', () => {
    expect(() => parseManifest(Buffer.from('{nope'))).toThrow(UserError)
    expect(() => parseManifest(bytes({ schemaVersion: 1, name: 'x', fsLayers: [] }))).toThrow(
      'schema 1'
    )
    expect(() =>
      parseManifest(bytes({ ...image, mediaType: 'application/vnd.example+json' }))
    ).toThrow('unsupported media type')
    expect(() =>
      parseManifest(bytes({ ...image, layers: [{ ...layer, digest: 'sha256:zz' }] }))
    ).toThrow('valid digest')
    expect(() => parseManifest(bytes({ ...image, layers: [{ ...layer, size: -1 }] }))).toThrow(
      'valid size'
    )
  })

  test("foreign layers are not the registry's to copy", () => {
    expect(
      isForeign({
        ...layer,
        mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip'
      })
    ).toBe(true)
    expect(isForeign({ ...layer, urls: ['https://mcr.microsoft.com/layer'] })).toBe(true)
    expect(isForeign(layer)).toBe(false)
  })
})

test('media types', () => {
  expect(MANIFEST_ACCEPT.split(', ')).toEqual([
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
  ])
  expect(bareMediaType('Application/JSON; charset=utf-8')).toBe('application/json')
  expect(bareMediaType(undefined)).toBe('')
})
