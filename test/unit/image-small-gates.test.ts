import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DockerConfigCredentials } from '../../src/core/image/docker-config.js'
import { parseReference } from '../../src/core/image/reference.js'
import { RegistryClient } from '../../src/core/image/registry.js'
import { runCli } from '../support/cli.js'

// A registry that says something wrong is an error, and no error repeats a credential.

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
const realDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`
let saidDigest = realDigest
let server: Server
let host: string
let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'slipway-small-'))
  server = createServer((req, res) => {
    if (req.url === '/v2/') return res.end('{}')
    if (req.url?.includes('/manifests/')) {
      res.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json')
      res.setHeader('docker-content-digest', saidDigest)
      if (req.method === 'PUT') {
        req.resume()
        res.statusCode = 201
        return res.end()
      }
      res.setHeader('content-length', manifest.length)
      return res.end(req.method === 'HEAD' ? undefined : manifest)
    }
    res.statusCode = 404
    return res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(root, { recursive: true, force: true })
})

const client = () =>
  new RegistryClient({ credentials: { get: async () => undefined }, retry: { maxAttempts: 1 } })

describe('Docker-Content-Digest', () => {
  it('is used when well formed', async () => {
    saidDigest = realDigest
    const info = await client().headManifest(parseReference(`${host}/app:1.0`))
    expect(info?.digest).toBe(realDigest)
  })

  it.each([
    'sha256:xyz',
    'sha256:' + 'A'.repeat(64),
    'md5:abc',
    'garbage',
    `${realDigest}, ${realDigest}`
  ])('a malformed header %j fails HEAD, GET and PUT of a manifest', async (header) => {
    saidDigest = header
    const ref = parseReference(`${host}/app:1.0`)
    const expected = new RegExp(`${host} sent a malformed Docker-Content-Digest header`)
    await expect(client().headManifest(ref)).rejects.toThrow(expected)
    await expect(client().getManifest(ref)).rejects.toThrow(expected)
    await expect(
      client().putManifest(ref, manifest, 'application/vnd.oci.image.manifest.v1+json')
    ).rejects.toThrow(expected)
  })
})

describe('credentials never in errors', () => {
  it('a password inside an image reference is not repeated', async () => {
    for (const text of [
      'alice:s3cr3t@ghcr.io/acme/app:1.0',
      'https://alice:s3cr3t@ghcr.io/acme/app:1.0',
      's3cr3t@ghcr.io/acme/app'
    ]) {
      let message = ''
      try {
        parseReference(text)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^invalid image reference/)
      expect(message).not.toContain('s3cr3t')
    }
    const run = await runCli(
      ['image', 'copy', 'alice:s3cr3t@ghcr.io/acme/app:1.0', 'ghcr.io/acme/b:1'],
      root
    )
    expect(run.code).not.toBe(0)
    expect(run.err + run.out).not.toContain('s3cr3t')
  })

  it("a failing credential helper's output is not repeated", async () => {
    const bin = path.join(root, 'bin')
    await mkdir(bin, { recursive: true })
    await writeFile(
      path.join(bin, 'docker-credential-leaky'),
      '#!/bin/sh\nread server\necho \'{"Username":"bob","Secret":"hunter2"}\'\necho "keyring error for bob:hunter2" >&2\nexit 1\n'
    )
    await chmod(path.join(bin, 'docker-credential-leaky'), 0o755)
    const dir = path.join(root, 'docker')
    await mkdir(dir, { recursive: true })
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({ credHelpers: { 'ghcr.io': 'leaky' } })
    )
    const store = new DockerConfigCredentials({
      configDir: dir,
      env: { PATH: `${bin}:/usr/bin:/bin` }
    })
    let message = ''
    try {
      await store.get('ghcr.io')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^docker-credential-leaky get failed for ghcr\.io/)
    expect(message).not.toContain('hunter2')
  })
})
