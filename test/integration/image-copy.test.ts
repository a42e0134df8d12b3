import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { UserError } from '../../src/core/errors.js'
import { copyImage } from '../../src/core/image/copy.js'
import { anonymous } from '../../src/core/image/credentials.js'
import { parseReference } from '../../src/core/image/reference.js'
import { RegistryClient } from '../../src/core/image/registry.js'
import { startProxy, type RegistryProxy } from '../support/registry-proxy.js'
import {
  expectImageIn,
  fetchBlob,
  OCI_INDEX,
  pushBlob,
  pushRandomImage,
  pushRandomIndex,
  resolveDigest,
  sha256,
  startRegistry,
  uniqueRepository,
  type TestRegistry
} from '../support/registry.js'
import { services } from '../support/services.js'

// slipway's registry copy against real distribution registries: the one of the test services
// (behind a logging proxy, to see which requests a copy makes) and a second one started here.

let registry: string
let proxy: RegistryProxy
let second: TestRegistry
const client = () => new RegistryClient({ credentials: anonymous })
const ref = (text: string) => parseReference(text)

beforeAll(async () => {
  registry = services().registry
  proxy = await startProxy(registry)
  second = await startRegistry()
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await second?.stop()
})

/** The requests the proxy saw since `from` that upload blob bytes or start uploads. */
function uploads(from: number) {
  return proxy.requests
    .slice(from)
    .filter((r) => r.path.includes('/blobs/uploads/') && !r.path.includes('mount='))
}

describe('copyImage', () => {
  test('tag to tag in one repository only writes the manifest', async () => {
    const repository = uniqueRepository('copy/tags')
    const image = await pushRandomImage(registry, repository, 'v1', { layers: [100_000, 50_000] })
    const before = proxy.requests.length

    const result = await copyImage(
      ref(`${proxy.host}/${repository}:v1`),
      ref(`${proxy.host}/${repository}:v2`),
      client()
    )

    expect(result).toEqual({
      digest: image.digest,
      mediaType: image.mediaType,
      blobsCopied: 0,
      blobsMounted: 0,
      blobsSkipped: 0,
      bytes: 0,
      manifests: 1
    })
    expect(await resolveDigest(registry, repository, 'v2')).toBe(image.digest)
    const seen = proxy.requests.slice(before)
    expect(uploads(before)).toEqual([])
    expect(seen.filter((r) => r.path.includes('/blobs/'))).toEqual([])
    expect(seen.filter((r) => r.method === 'PUT')).toEqual([
      expect.objectContaining({ path: `/v2/${repository}/manifests/v2`, status: 201 })
    ])
  })

  test('where the registry refuses mounts, streams the blobs DST lacks and skips the rest', async () => {
    const refusing = await startProxy(registry, undefined, { refuseMounts: true })
    try {
      const from = uniqueRepository('copy/nomount-src')
      const to = uniqueRepository('copy/nomount-dst')
      const image = await pushRandomImage(registry, from, 'v1', { layers: [60_000, 30_000] })
      // DST has the first layer already (a base image it shares), not the rest.
      const [present, ...missing] = image.blobs
      await pushBlob(registry, to, present)

      const result = await copyImage(
        ref(`${refusing.host}/${from}:v1`),
        ref(`${refusing.host}/${to}:v1`),
        client()
      )

      expect(result).toMatchObject({
        digest: image.digest,
        blobsMounted: 0,
        blobsSkipped: 1,
        blobsCopied: missing.length,
        bytes: missing.reduce((sum, blob) => sum + blob.data.length, 0)
      })
      await expectImageIn(registry, to, image)
      expect(await resolveDigest(registry, to, 'v1')).toBe(image.digest)
      // Every mount was answered with an upload; the one for the blob DST has is cancelled.
      const posts = refusing.requests.filter((r) => r.method === 'POST')
      expect(posts.map((r) => r.status)).toEqual(image.blobs.map(() => 202))
      expect(refusing.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
    } finally {
      await refusing.stop()
    }
  })

  test('to another repository of the registry mounts every blob', async () => {
    const from = uniqueRepository('copy/mount-src')
    const to = uniqueRepository('copy/mount-dst')
    const image = await pushRandomImage(registry, from, 'v1', { layers: [80_000, 20_000] })
    const before = proxy.requests.length

    const result = await copyImage(
      ref(`${proxy.host}/${from}:v1`),
      ref(`${proxy.host}/${to}:release`),
      client()
    )

    expect(result).toMatchObject({
      digest: image.digest,
      blobsMounted: 3,
      blobsCopied: 0,
      bytes: 0
    })
    expect(uploads(before)).toEqual([])
    const mounts = proxy.requests.slice(before).filter((r) => r.path.includes('mount='))
    expect(mounts).toHaveLength(3)
    expect(
      mounts.every((m) => m.status === 201 && m.path.includes(`from=${encodeURIComponent(from)}`))
    ).toBe(true)
    // A mount is asked for straight away: no HEAD of each blob first, a round trip each.
    const heads = proxy.requests.slice(before).filter((r) => r.method === 'HEAD')
    expect(heads.filter((r) => r.path.includes('/blobs/'))).toEqual([])
    expect(await resolveDigest(registry, to, 'release')).toBe(image.digest)
    await expectImageIn(registry, to, image)
  })

  test('to another registry streams the blobs, verified', async () => {
    const repository = uniqueRepository('copy/cross')
    const image = await pushRandomImage(registry, repository, 'v1', {
      layers: [3_000_000, 500_000, 1]
    })

    const result = await copyImage(
      ref(`${registry}/${repository}:v1`),
      ref(`${second.host}/mirror/${repository}:v1`),
      client()
    )

    const bytes = image.blobs.reduce((sum, b) => sum + b.size, 0)
    expect(result).toMatchObject({ digest: image.digest, blobsCopied: 4, blobsSkipped: 0, bytes })
    expect(await resolveDigest(second.host, `mirror/${repository}`, 'v1')).toBe(image.digest)
    await expectImageIn(second.host, `mirror/${repository}`, image)

    // Again: everything is there, so nothing moves and only the tag is written.
    const again = await copyImage(
      ref(`${registry}/${repository}:v1`),
      ref(`${second.host}/mirror/${repository}:v1`),
      client()
    )
    expect(again).toMatchObject({ digest: image.digest, blobsCopied: 0, bytes: 0, manifests: 1 })
  })

  test('in resumable chunks when asked to', async () => {
    const repository = uniqueRepository('copy/chunks')
    const image = await pushRandomImage(registry, repository, 'v1', { layers: [1_000_000, 10] })
    const result = await copyImage(
      ref(`${registry}/${repository}:v1`),
      ref(`${second.host}/${repository}:chunked`),
      client(),
      { chunkSize: 256 * 1024 }
    )
    expect(result).toMatchObject({ digest: image.digest, blobsCopied: 3 })
    await expectImageIn(second.host, repository, image)
  })

  test('a multi-arch index with all its children, children first', async () => {
    const repository = uniqueRepository('copy/index')
    const index = await pushRandomIndex(registry, repository, 'multi', {
      layers: [200_000, 30_000]
    })

    const result = await copyImage(
      ref(`${registry}/${repository}:multi`),
      ref(`${second.host}/${repository}:multi`),
      client()
    )
    expect(result).toMatchObject({
      digest: index.digest,
      mediaType: OCI_INDEX,
      blobsCopied: 6,
      manifests: 3
    })
    expect(await resolveDigest(second.host, repository, 'multi')).toBe(index.digest)
    await expectImageIn(second.host, repository, index)

    // and within the registry, by mounting
    const before = proxy.requests.length
    const mounted = await copyImage(
      ref(`${proxy.host}/${repository}:multi`),
      ref(`${proxy.host}/${repository}-promoted:multi`),
      client()
    )
    expect(mounted).toMatchObject({ digest: index.digest, blobsMounted: 6, blobsCopied: 0 })
    expect(uploads(before)).toEqual([])
    await expectImageIn(registry, `${repository}-promoted`, index)
  })

  test('by digest: the source digest is checked, the destination digest must match', async () => {
    const repository = uniqueRepository('copy/digest')
    const image = await pushRandomImage(registry, repository, 'v1')
    const result = await copyImage(
      ref(`${registry}/${repository}@${image.digest}`),
      ref(`${second.host}/${repository}:pinned@${image.digest}`),
      client()
    )
    expect(result.digest).toBe(image.digest)
    expect(await resolveDigest(second.host, repository, 'pinned')).toBe(image.digest)

    const other = sha256(Buffer.from('something else'))
    await expect(
      copyImage(
        ref(`${registry}/${repository}:v1`),
        ref(`${second.host}/${repository}:x@${other}`),
        client()
      )
    ).rejects.toThrow(`names digest ${other}, but`)
  })

  test('a missing image is one line: manifest unknown', async () => {
    const repository = uniqueRepository('copy/missing')
    const error = await copyImage(
      ref(`${registry}/${repository}:nope`),
      ref(`${second.host}/${repository}:nope`),
      client()
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(`manifest unknown: ${registry}/${repository}:nope`)
  })

  test('an unreachable registry is one line naming it', async () => {
    const repository = uniqueRepository('copy/unreachable')
    await pushRandomImage(registry, repository, 'v1')
    const dead = `127.0.0.1:${await import('../support/services.js').then((s) => s.freePort())}`
    const error = await copyImage(
      ref(`${registry}/${repository}:v1`),
      ref(`${dead}/${repository}:v1`),
      new RegistryClient({ credentials: anonymous, retry: { baseDelayMs: 10, maxAttempts: 2 } })
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(new RegExp(`cannot reach ${dead}: .*ECONNREFUSED`))
    expect((error as Error).message).not.toContain('\n')
  })

  test('a loopback registry that speaks HTTPS (self-signed) is found and used', async () => {
    const tlsRegistry = await startRegistry({ tls: true })
    try {
      const repository = uniqueRepository('copy/tls')
      const image = await pushRandomImage(registry, repository, 'v1', { layers: [70_000] })
      const tlsClient = client()
      const result = await copyImage(
        ref(`${registry}/${repository}:v1`),
        ref(`${tlsRegistry.host}/${repository}:v1`),
        tlsClient
      )
      expect(result).toMatchObject({ digest: image.digest, blobsCopied: 2 })
      expect(await tlsClient.headManifest(ref(`${tlsRegistry.host}/${repository}:v1`))).toEqual({
        digest: image.digest,
        mediaType: image.mediaType,
        size: image.manifest.length
      })
      expect(await tlsRegistry.log()).toMatch(
        /"PUT \/v2\/copy\/tls-[^/]+\/manifests\/v1 HTTP\/1.1" 201/
      )
    } finally {
      await tlsRegistry.stop()
    }
  })

  test('the copied layers are byte for byte the source', async () => {
    const repository = uniqueRepository('copy/bytes')
    const image = await pushRandomImage(registry, repository, 'v1', { layers: [123_457] })
    await copyImage(
      ref(`${registry}/${repository}:v1`),
      ref(`${second.host}/${repository}:v1`),
      client()
    )
    for (const blob of image.blobs) {
      expect((await fetchBlob(second.host, repository, blob.digest))?.equals(blob.data)).toBe(true)
    }
  })
})
