import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import https from 'node:https'
import path from 'node:path'
import { eventually, freePort } from './services.js'

// Extra distribution registries for tests (the Debian docker-registry binary) on 127.0.0.1, in
// temp folders, and images pushed to a registry with plain HTTP requests (not slipway's
// client, which the tests are about): random layers, a config, a manifest, an index.

export const REGISTRY_BINARY =
  process.env.SLIPWAY_TEST_REGISTRY_BINARY ?? '/usr/bin/docker-registry'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'
/** Every manifest type a registry may hold, for Accept: indexes and images, OCI and Docker. */
export const MANIFEST_TYPES = [
  OCI_INDEX,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export interface RegistryAuthConfig {
  /** A bcrypt htpasswd file's text: basic auth. */
  htpasswd?: string
  /** Token auth against a realm the test serves. */
  token?: { realm: string; service: string; issuer: string; certFile: string }
  /** Serve HTTPS with a self-signed certificate for 127.0.0.1, made with openssl. */
  tls?: boolean
}

export interface TestRegistry {
  /** 127.0.0.1:PORT */
  host: string
  dir: string
  /** The registry's log so far. */
  log(): Promise<string>
  stop(): Promise<void>
}

export async function startRegistry(auth: RegistryAuthConfig = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slipway-registry-'))
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  let authConfig = ''
  if (auth.htpasswd) {
    await writeFile(path.join(dir, 'htpasswd'), auth.htpasswd)
    authConfig = `auth:\n  htpasswd:\n    realm: slipway-test\n    path: ${path.join(dir, 'htpasswd')}\n`
  } else if (auth.token) {
    const t = auth.token
    authConfig =
      `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n` +
      `    issuer: ${t.issuer}\n    rootcertbundle: ${t.certFile}\n`
  }
  let tlsConfig = ''
  if (auth.tls) {
    const cert = path.join(dir, 'tls.crt')
    const key = path.join(dir, 'tls.key')
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1'
    ])
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`)
    tlsConfig = `  tls:\n    certificate: ${cert}\n    key: ${key}\n`
  }
  const config = `version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: ${path.join(dir, 'data')}
  delete:
    enabled: true
http:
  addr: ${host}
${tlsConfig}${authConfig}`
  await writeFile(path.join(dir, 'config.yml'), config)
  const logFile = path.join(dir, 'registry.log')
  const scheme = auth.tls ? 'https' : 'http'
  const log = createWriteStream(logFile)
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout?.pipe(log, { end: false })
  child.stderr?.pipe(log, { end: false })
  let exited = false
  child.on('exit', () => (exited = true))
  // 'close': exited, and its output is all in the log
  const closed = new Promise((resolve) => child.once('close', resolve))
  const stop = async () => {
    if (!exited) child.kill('SIGTERM')
    await closed
    await new Promise((resolve) => log.end(resolve))
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await eventually(
      `registry on ${host}`,
      async () => {
        if (exited) throw new Error(`registry exited: ${await readFile(logFile, 'utf8')}`)
        if (scheme === 'https') return (await httpsAnswers(host)) ? true : undefined
        const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(2000) })
        return response.status === 200 || response.status === 401 ? true : undefined
      },
      20_000,
      100
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { host, dir, stop, log: () => readFile(logFile, 'utf8') }
}

/** Whether an HTTPS registry (self-signed: not verified) answers /v2/. */
function httpsAnswers(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(
      `https://${host}/v2/`,
      { rejectUnauthorized: false, timeout: 2000 },
      (res) => {
        res.resume()
        resolve(res.statusCode === 200 || res.statusCode === 401)
      }
    )
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
  })
}

export interface Blob {
  digest: string
  size: number
  mediaType: string
  data: Buffer
}

export interface PushedImage {
  digest: string
  mediaType: string
  manifest: Buffer
  /** The blobs of this image (of all children, for an index). */
  blobs: Blob[]
  children: PushedImage[]
}

export function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

export function blobOf(data: Buffer, mediaType = OCI_LAYER): Blob {
  return { digest: sha256(data), size: data.length, mediaType, data }
}

async function check(response: Response, what: string, ok: number[]): Promise<Response> {
  if (!ok.includes(response.status)) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`)
  }
  return response
}

/** Pushes one blob (monolithic: POST, then PUT with the bytes). */
export async function pushBlob(
  registry: string,
  repository: string,
  blob: Blob,
  headers: Record<string, string> = {}
): Promise<void> {
  const start = await check(
    await fetch(`http://${registry}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers }),
    `start upload of ${blob.digest}`,
    [202]
  )
  const location = new URL(start.headers.get('location') ?? '', `http://${registry}`)
  location.searchParams.set('digest', blob.digest)
  await check(
    await fetch(location, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: blob.data
    }),
    `upload of ${blob.digest}`,
    [201]
  )
}

export async function pushManifest(
  registry: string,
  repository: string,
  reference: string,
  manifest: Buffer,
  mediaType: string,
  headers: Record<string, string> = {}
): Promise<string> {
  await check(
    await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': mediaType },
      body: manifest
    }),
    `PUT manifest ${repository}:${reference}`,
    [201]
  )
  return sha256(manifest)
}

export interface ImageOptions {
  /** Layer sizes in bytes (default one of 64 KiB). */
  layers?: number[]
  architecture?: string
  headers?: Record<string, string>
}

/** Pushes an image of random layers; tag undefined pushes it by digest only. */
export async function pushRandomImage(
  registry: string,
  repository: string,
  tag: string | undefined,
  options: ImageOptions = {}
): Promise<PushedImage> {
  const layers = (options.layers ?? [64 * 1024]).map((size) => blobOf(randomBytes(size)))
  const config = blobOf(
    Buffer.from(
      JSON.stringify({
        architecture: options.architecture ?? 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: { Labels: { 'slipway.test': randomBytes(8).toString('hex') } }
      })
    ),
    OCI_CONFIG
  )
  for (const blob of [config, ...layers])
    await pushBlob(registry, repository, blob, options.headers)
  const descriptor = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size })
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor(config),
      layers: layers.map(descriptor)
    })
  )
  const digest = sha256(manifest)
  await pushManifest(registry, repository, tag ?? digest, manifest, OCI_MANIFEST, options.headers)
  return { digest, mediaType: OCI_MANIFEST, manifest, blobs: [config, ...layers], children: [] }
}

/** Pushes an OCI index of one random image per platform (children first, index last). */
export async function pushRandomIndex(
  registry: string,
  repository: string,
  tag: string,
  options: { architectures?: string[]; layers?: number[]; headers?: Record<string, string> } = {}
): Promise<PushedImage> {
  const children: PushedImage[] = []
  for (const architecture of options.architectures ?? ['amd64', 'arm64']) {
    children.push(
      await pushRandomImage(registry, repository, undefined, {
        architecture,
        layers: options.layers,
        headers: options.headers
      })
    )
  }
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: children.map((child, i) => ({
        mediaType: child.mediaType,
        digest: child.digest,
        size: child.manifest.length,
        platform: { os: 'linux', architecture: (options.architectures ?? ['amd64', 'arm64'])[i] }
      }))
    })
  )
  const digest = await pushManifest(registry, repository, tag, index, OCI_INDEX, options.headers)
  return {
    digest,
    mediaType: OCI_INDEX,
    manifest: index,
    blobs: children.flatMap((c) => c.blobs),
    children
  }
}

/** The digest a tag (or digest) resolves to in a registry, or undefined (404). */
export async function resolveDigest(
  registry: string,
  repository: string,
  reference: string,
  headers: Record<string, string> = {}
): Promise<string | undefined> {
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: {
      ...headers,
      accept: MANIFEST_TYPES
    }
  })
  if (response.status === 404) return undefined
  await check(response, `HEAD ${repository}:${reference}`, [200])
  return response.headers.get('docker-content-digest') ?? undefined
}

/** The digest `host[:port]/repository:tag` resolves to, or undefined (404). */
export function digestOfReference(reference: string): Promise<string | undefined> {
  const [name, tag] = reference.split(/:(?=[^:/]+$)/)
  const [host, ...repository] = name.split('/')
  return resolveDigest(host, repository.join('/'), tag)
}

/** A blob's bytes from a registry, or undefined (404). */
export async function fetchBlob(
  registry: string,
  repository: string,
  digest: string,
  headers: Record<string, string> = {}
): Promise<Buffer | undefined> {
  const response = await fetch(`http://${registry}/v2/${repository}/blobs/${digest}`, { headers })
  if (response.status === 404) return undefined
  await check(response, `GET blob ${digest}`, [200])
  return Buffer.from(await response.arrayBuffer())
}

/** Asserts that every blob and child manifest of an image is in a repository, intact. */
export async function expectImageIn(
  registry: string,
  repository: string,
  image: PushedImage,
  headers: Record<string, string> = {}
): Promise<void> {
  for (const child of image.children) {
    const digest = await resolveDigest(registry, repository, child.digest, headers)
    if (digest !== child.digest) throw new Error(`${repository}@${child.digest} is missing`)
  }
  for (const blob of image.blobs) {
    const data = await fetchBlob(registry, repository, blob.digest, headers)
    if (!data) throw new Error(`blob ${blob.digest} is missing from ${registry}/${repository}`)
    if (sha256(data) !== blob.digest)
      throw new Error(`blob ${blob.digest} is corrupt in ${registry}`)
  }
}

/** A repository name no other test uses. */
export function uniqueRepository(prefix: string): string {
  return `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`
}
