import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { parseReference } from '../../src/core/image/reference.js'
import { RegistryClient } from '../../src/core/image/registry.js'
import type { CredentialStore } from '../../src/core/image/credentials.js'
import { runCli } from '../support/cli.js'

// A registry on 127.0.0.1 that answers, then sends its body a byte at a time (or steadily
// but without end): a copy must stop at the minimum transfer rate or the per-request
// deadline, with one line naming the registry and what was too slow. Limits are small so
// each case ends in a few seconds.

jest.setTimeout(20_000)

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'a'.repeat(64)}`,
      size: 2
    },
    layers: []
  })
)
const manifestDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`
const blobDigest = `sha256:${'b'.repeat(64)}`

type Mode = 'trickle' | 'endless'
let mode: Mode = 'trickle'
let server: Server
let host: string
const open = new Set<ServerResponse>()
const timers = new Set<NodeJS.Timeout>()

function stream(res: ServerResponse, total: number) {
  open.add(res)
  res.on('close', () => open.delete(res))
  const [bytes, everyMs] = mode === 'trickle' ? [1, 300] : [64, 20]
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer)
    res.write(Buffer.alloc(bytes, 0x20))
  }, everyMs)
  timers.add(timer)
  res.writeHead(200, { 'content-length': total })
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? ''
    if (url === '/v2/') return res.end('{}')
    if (url.includes('/manifests/')) {
      res.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json')
      res.setHeader('docker-content-digest', manifestDigest)
      if (req.method === 'HEAD') {
        res.setHeader('content-length', manifest.length)
        return res.end()
      }
      return stream(res, 10 << 20)
    }
    if (url.includes('/blobs/')) return stream(res, 10 << 20)
    res.statusCode = 404
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => {
  for (const timer of timers) clearInterval(timer)
  for (const res of open) res.destroy()
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const noCredentials: CredentialStore = { get: async () => undefined }

function client(limits: { requestTimeoutMs?: number; minBytesPerSecond?: number }) {
  return new RegistryClient({
    credentials: noCredentials,
    retry: { maxAttempts: 1 },
    minRateWindowMs: 1000,
    ...limits
  })
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ error: Error; ms: number }> {
  const started = Date.now()
  try {
    await work()
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started }
  }
  throw new Error('expected a failure')
}

describe('slow registries', () => {
  it('stops a manifest sent below the minimum transfer rate', async () => {
    mode = 'trickle'
    const ref = parseReference(`${host}/app:1.0`)
    const { error, ms } = await elapsed(() => client({ minBytesPerSecond: 100 }).getManifest(ref))
    expect(error.message).toMatch(
      new RegExp(
        `^GET manifest ${host}/app:1\\.0: ${host} sent \\d+ bytes? in 1 s, below the minimum transfer rate of 100 B/s$`
      )
    )
    expect(ms).toBeLessThan(5000)
  })

  it('stops a blob download below the minimum transfer rate while it is read', async () => {
    mode = 'trickle'
    const ref = parseReference(`${host}/app:1.0`)
    const { stream: blob } = await client({ minBytesPerSecond: 100 }).getBlob(ref, blobDigest)
    const { error, ms } = await elapsed(async () => {
      for await (const chunk of blob) void chunk
    })
    expect(error.message).toContain(`${host} sent`)
    expect(error.message).toContain('below the minimum transfer rate of 100 B/s')
    expect(ms).toBeLessThan(5000)
  })

  it('stops a request that keeps sending but does not finish within the deadline', async () => {
    mode = 'endless'
    const ref = parseReference(`${host}/app:1.0`)
    const { error, ms } = await elapsed(() =>
      client({ minBytesPerSecond: 100, requestTimeoutMs: 1500 }).getManifest(ref)
    )
    expect(error.message).toBe(
      `GET manifest ${host}/app:1.0: ${host} did not finish the request within 1.5 s (request deadline)`
    )
    expect(ms).toBeGreaterThanOrEqual(1400)
    expect(ms).toBeLessThan(5000)
  })

  it('slipway image copy takes both limits as flags and says which one was hit, in one line', async () => {
    mode = 'trickle'
    const run = await runCli(
      [
        'image',
        'copy',
        `${host}/app:1.0`,
        `${host}/copy:1.0`,
        '--min-rate',
        '100',
        '--min-rate-window',
        '1s',
        '--request-timeout',
        '10s'
      ],
      tmpdir()
    )
    expect(run.code).toBe(1)
    const lines = run.err.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`${host} sent`)
    expect(lines[0]).toContain('below the minimum transfer rate of 100 B/s')

    mode = 'endless'
    const late = await runCli(
      ['image', 'copy', `${host}/app:1.0`, `${host}/copy:1.0`, '--request-timeout', '1s'],
      tmpdir()
    )
    expect(late.code).toBe(1)
    expect(late.err.trim()).toMatch(new RegExp(`${host} did not finish the request within 1 s`))
  })

  it('refuses limits that are not a rate or a duration', async () => {
    for (const flags of [
      ['--min-rate', 'fast'],
      ['--min-rate', '-1'],
      ['--request-timeout', 'soon'],
      ['--min-rate-window', '0s']
    ]) {
      const run = await runCli(['image', 'copy', 'a/b:1', 'c/d:1', ...flags], tmpdir())
      expect(run.code).toBe(2)
      expect(run.err).toContain(flags[0])
    }
  })
})
