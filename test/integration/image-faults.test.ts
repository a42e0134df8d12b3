import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { UserError } from '../../src/core/errors.js'
import { copyImage } from '../../src/core/image/copy.js'
import { anonymous } from '../../src/core/image/credentials.js'
import { parseReference } from '../../src/core/image/reference.js'
import { RegistryClient } from '../../src/core/image/registry.js'
import type { RetryOptions } from '../../src/core/image/retry.js'
import { startProxy, type RegistryProxy } from '../support/registry-proxy.js'
import {
  expectImageIn,
  pushRandomImage,
  pushRandomIndex,
  resolveDigest,
  startRegistry,
  uniqueRepository,
  type TestRegistry
} from '../support/registry.js'
import { services } from '../support/services.js'

// Copies through proxies that drop connections, answer 500 and 429 (with Retry-After) and cut
// blob downloads short, at random from a seed and bounded in number. Whatever happens, either
// the copy completes with the right digest and everything in place, or it fails with one line
// and DST is untouched.

let source: string
let target: TestRegistry
let sourceProxy: RegistryProxy
let targetProxy: RegistryProxy

const quickRetry: RetryOptions = {
  baseDelayMs: 20,
  maxDelayMs: 400,
  maxElapsedMs: 20_000,
  maxAttempts: 8
}
const client = (retry: RetryOptions = quickRetry) =>
  new RegistryClient({ credentials: anonymous, retry })

beforeAll(async () => {
  source = services().registry
  target = await startRegistry()
  sourceProxy = await startProxy(source)
  targetProxy = await startProxy(target.host)
}, 60_000)

afterAll(async () => {
  await sourceProxy?.stop()
  await targetProxy?.stop()
  await target?.stop()
})

function expectOneLine(error: unknown): void {
  expect(error).toBeInstanceOf(UserError)
  const message = (error as Error).message
  expect(message).not.toContain('\n')
  expect(message.length).toBeLessThan(600)
}

describe('copy under injected faults', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8]
  const outcomes: { seed: number; ok: boolean; faults: number; error?: string }[] = []

  afterAll(() => {
    // Shown when a run goes wrong: which seed did what.
    if (outcomes.some((o) => !o.ok)) console.log(JSON.stringify(outcomes, null, 2))
  })

  test.each(seeds)(
    'seed %i: a multi-arch copy across registries completes or fails cleanly',
    async (seed) => {
      const repository = uniqueRepository(`faults/seed${seed}`)
      const index = await pushRandomIndex(source, repository, 'multi', {
        layers: [400_000, 70_000]
      })
      const faults = { rate: 0.25, max: 5, retryAfterSeconds: 1 }
      sourceProxy.setFaults({ seed, ...faults })
      targetProxy.setFaults({ seed: seed + 1000, ...faults })
      try {
        const result = await copyImage(
          parseReference(`${sourceProxy.host}/${repository}:multi`),
          parseReference(`${targetProxy.host}/${repository}:multi`),
          client()
        ).catch((error: unknown) => error)
        const injected = sourceProxy.faults.length + targetProxy.faults.length
        if (result instanceof Error) {
          outcomes.push({ seed, ok: false, faults: injected, error: result.message })
          expectOneLine(result)
          expect(await resolveDigest(target.host, repository, 'multi')).toBeUndefined()
        } else {
          outcomes.push({ seed, ok: true, faults: injected })
          expect(result).toMatchObject({ digest: index.digest, blobsCopied: 6, manifests: 3 })
          expect(await resolveDigest(target.host, repository, 'multi')).toBe(index.digest)
          await expectImageIn(target.host, repository, index)
        }
      } finally {
        sourceProxy.setFaults(undefined)
        targetProxy.setFaults(undefined)
      }
    },
    60_000
  )

  test('faults were injected, and the retries carried most copies through', () => {
    expect(outcomes).toHaveLength(seeds.length)
    expect(outcomes.reduce((sum, o) => sum + o.faults, 0)).toBeGreaterThanOrEqual(seeds.length)
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(seeds.length - 1)
  })

  test('chunked uploads resume where the registry says it stopped', async () => {
    const repository = uniqueRepository('faults/chunks')
    const image = await pushRandomImage(source, repository, 'v1', { layers: [600_000] })
    targetProxy.setFaults({
      seed: 12,
      rate: 0.5,
      max: 4,
      kinds: ['reset', '500'],
      match: (method) => method === 'PATCH'
    })
    const before = targetProxy.requests.length
    try {
      const result = await copyImage(
        parseReference(`${source}/${repository}:v1`),
        parseReference(`${targetProxy.host}/${repository}:v1`),
        client(),
        { chunkSize: 100_000 }
      )
      expect(result.digest).toBe(image.digest)
      const seen = targetProxy.requests.slice(before)
      expect(targetProxy.faults.length).toBeGreaterThan(0)
      expect(seen.filter((r) => r.method === 'PATCH' && !r.fault).length).toBe(6) // 600 kB in 100 kB
      // after each failed PATCH the client asked how far the upload got
      const statusQueries = seen.filter(
        (r) => r.method === 'GET' && r.path.includes('/blobs/uploads/')
      )
      expect(statusQueries.length).toBe(targetProxy.faults.length)
      await expectImageIn(target.host, repository, image)
    } finally {
      targetProxy.setFaults(undefined)
    }
  }, 60_000)

  test('within one registry (mounts) under faults', async () => {
    const repository = uniqueRepository('faults/mount')
    const image = await pushRandomImage(source, repository, 'v1', { layers: [50_000, 50_000] })
    sourceProxy.setFaults({ seed: 42, rate: 0.5, max: 4, kinds: ['reset', '500', '429'] })
    try {
      const result = await copyImage(
        parseReference(`${sourceProxy.host}/${repository}:v1`),
        parseReference(`${sourceProxy.host}/${repository}-prod:v1`),
        client()
      )
      expect(result.digest).toBe(image.digest)
      expect(sourceProxy.faults.length).toBeGreaterThan(0)
      await expectImageIn(source, `${repository}-prod`, image)
    } finally {
      sourceProxy.setFaults(undefined)
    }
  }, 60_000)
})

describe('a copy that cannot complete leaves DST untouched', () => {
  let repository: string
  let old: string

  beforeAll(async () => {
    repository = uniqueRepository('faults/untouched')
    old = (await pushRandomImage(target.host, repository, undefined)).digest
    await pushRandomImage(target.host, repository, 'stable').then((image) => (old = image.digest))
  })

  test('when every manifest write fails', async () => {
    const image = await pushRandomIndex(source, repository, 'next', { layers: [20_000] })
    targetProxy.setFaults({
      seed: 7,
      rate: 1,
      max: 1000,
      kinds: ['500'],
      match: (method, path) => method === 'PUT' && path.includes('/manifests/')
    })
    try {
      const error = await copyImage(
        parseReference(`${source}/${repository}:next`),
        parseReference(`${targetProxy.host}/${repository}:stable`),
        client({ baseDelayMs: 10, maxAttempts: 3 })
      ).catch((e: unknown) => e)
      expectOneLine(error)
      expect((error as Error).message).toMatch(
        /^PUT manifest .* answered HTTP 500 UNKNOWN: injected \(3 attempts\)$/
      )
      expect(await resolveDigest(target.host, repository, 'stable')).toBe(old)
      expect(image.digest).not.toBe(old)
    } finally {
      targetProxy.setFaults(undefined)
    }
  }, 60_000)

  test('when every blob upload breaks off', async () => {
    await pushRandomImage(source, repository, 'next2', { layers: [100_000] })
    targetProxy.setFaults({
      seed: 8,
      rate: 1,
      max: 1000,
      kinds: ['reset'],
      match: (method, path) => method === 'PUT' && path.includes('/blobs/uploads/')
    })
    try {
      const error = await copyImage(
        parseReference(`${source}/${repository}:next2`),
        parseReference(`${targetProxy.host}/${repository}:stable`),
        client({ baseDelayMs: 10, maxAttempts: 3 })
      ).catch((e: unknown) => e)
      expectOneLine(error)
      expect((error as Error).message).toMatch(/upload blob sha256:[0-9a-f]{12} to /)
      expect(await resolveDigest(target.host, repository, 'stable')).toBe(old)
    } finally {
      targetProxy.setFaults(undefined)
    }
  }, 60_000)
})

describe('Retry-After', () => {
  test('a 429 is retried after the time the registry asks for', async () => {
    const repository = uniqueRepository('faults/retry-after')
    const image = await pushRandomImage(source, repository, 'v1')
    sourceProxy.setFaults({
      seed: 1,
      rate: 1,
      max: 1,
      kinds: ['429'],
      retryAfterSeconds: 1,
      match: (method, path) => method === 'GET' && path.includes('/manifests/')
    })
    try {
      const started = Date.now()
      const result = await copyImage(
        parseReference(`${sourceProxy.host}/${repository}:v1`),
        parseReference(`${target.host}/${repository}:v1`),
        client()
      )
      expect(result.digest).toBe(image.digest)
      expect(sourceProxy.faults).toHaveLength(1)
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    } finally {
      sourceProxy.setFaults(undefined)
    }
  }, 30_000)

  test('a wait longer than the retry budget fails at once, saying so', async () => {
    const repository = uniqueRepository('faults/retry-after-long')
    await pushRandomImage(source, repository, 'v1')
    sourceProxy.setFaults({
      seed: 1,
      rate: 1,
      max: 1,
      kinds: ['429'],
      retryAfterSeconds: 3600,
      match: (method, path) => method === 'GET' && path.includes('/manifests/')
    })
    try {
      const started = Date.now()
      const error = await copyImage(
        parseReference(`${sourceProxy.host}/${repository}:v1`),
        parseReference(`${target.host}/${repository}:v1`),
        client({ ...quickRetry, maxElapsedMs: 5_000 })
      ).catch((e: unknown) => e)
      expectOneLine(error)
      expect((error as Error).message).toContain('HTTP 429')
      expect((error as Error).message).toContain('asked to retry after 3600 s')
      expect(Date.now() - started).toBeLessThan(2_000)
    } finally {
      sourceProxy.setFaults(undefined)
    }
  })
})
