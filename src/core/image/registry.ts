import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Authenticator, pullScope, pushScope } from './auth.js'
import { uploadInChunks } from './chunked-upload.js'
import type { CredentialStore } from './credentials.js'
import { digestOf, DigestMismatchError, DigestVerifier, isDigest, shortDigest } from './digest.js'
import { DockerConfigCredentials } from './docker-config.js'
import { manifestMediaType } from './manifest.js'
import { bareMediaType, isImageManifestType, isIndexType, MANIFEST_ACCEPT } from './media-types.js'
import type { HttpResponse } from './http.js'
import type { ImageReference } from './reference.js'
import { describeErrorBody, oneLine, RegistryError } from './registry-error.js'
import { RegistryTransport, type CallTarget } from './registry-transport.js'
import { isRetryableNetworkError, type RetryOptions } from './retry.js'
import type { TransferLimits } from './transfer-guard.js'

// A client for the OCI distribution API (the "Docker Registry HTTP API V2"): manifests, blobs,
// uploads, mounts and tags, with authentication, retries and digest verification of
// everything read.

export interface RegistryClientOptions extends TransferLimits {
  /** Where credentials come from; default ~/.docker/config.json (or $DOCKER_CONFIG). */
  credentials?: CredentialStore
  /**
   * Registries (host or host:port) that may be reached over plain HTTP, or HTTPS without
   * certificate checks, as Docker's insecure-registries. Loopback registries always may.
   */
  insecure?: string[]
  retry?: RetryOptions
  /** Called with every credential and token before it is used, to mask it in logs. */
  onSecret?: (value: string) => void
  /** Fail a request whose connection is idle this long (default 60 s). */
  idleTimeoutMs?: number
}

export interface ManifestInfo {
  digest: string
  mediaType: string
  size: number
}

export interface Manifest extends ManifestInfo {
  bytes: Buffer
}

export type MountResult = { mounted: true } | { mounted: false; location: string }

export interface UploadOptions {
  /** An upload session already started (a mount answered 202 with it). */
  location?: string
  /** Upload in PATCH chunks of this many bytes (each retried and resumed) when the blob is larger. */
  chunkSize?: number
}

/** Manifests are small; registries accept at least 4 MiB. Anything far larger is refused. */
const MAX_MANIFEST_BYTES = 8 << 20

export class RegistryClient {
  private readonly transport: RegistryTransport
  private readonly pushing = new Set<string>()

  constructor(options: RegistryClientOptions = {}) {
    const transport = new RegistryTransport({
      insecure: options.insecure ?? [],
      retry: options.retry ?? {},
      idleTimeoutMs: options.idleTimeoutMs,
      limits: {
        requestTimeoutMs: options.requestTimeoutMs,
        minBytesPerSecond: options.minBytesPerSecond,
        minRateWindowMs: options.minRateWindowMs
      }
    })
    transport.auth = new Authenticator({
      credentials: options.credentials ?? new DockerConfigCredentials(),
      onSecret: options.onSecret,
      send: (request) => transport.sendWithRetry(request, 'token request'),
      mayUsePlainHttp: (url) => transport.isInsecure(url.host)
    })
    this.transport = transport
  }

  /** The retry policy of this client's requests (a copy restarts broken blobs by it too). */
  get retryOptions(): RetryOptions {
    return this.transport.retry
  }

  /** The manifest's digest, media type and size, or undefined when the registry has none. */
  async headManifest(ref: ImageReference): Promise<ManifestInfo | undefined> {
    const what = `HEAD manifest ${ref}`
    const response = await this.transport.call({
      ...this.pull(ref, what),
      method: 'HEAD',
      path: `/v2/${ref.repository}/manifests/${ref.identifier}`,
      headers: { accept: MANIFEST_ACCEPT }
    })
    response.discard()
    if (response.status === 404) return undefined
    if (response.status !== 200) throw await this.transport.failure(response, what)
    const digest = saidDigest(response, what, ref.registry)
    const mediaType = bareMediaType(response.header('content-type'))
    const size = Number(response.header('content-length'))
    const known = isIndexType(mediaType) || isImageManifestType(mediaType)
    if (!digest || !known || !Number.isSafeInteger(size)) {
      // Not all registries say enough on HEAD: read the manifest instead.
      const manifest = await this.getManifest(ref)
      return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size }
    }
    if (ref.digest && digest !== ref.digest) {
      throw new DigestMismatchError(`${ref.registry} answered digest ${digest} for ${ref}`)
    }
    return { digest, mediaType, size }
  }

  /** The manifest's bytes, verified against the digest asked for or the one the registry gave. */
  async getManifest(ref: ImageReference): Promise<Manifest> {
    const what = `GET manifest ${ref}`
    const response = await this.transport.call({
      ...this.pull(ref, what),
      method: 'GET',
      path: `/v2/${ref.repository}/manifests/${ref.identifier}`,
      headers: { accept: MANIFEST_ACCEPT }
    })
    if (response.status === 404) {
      const { code } = describeErrorBody(await response.text(64 << 10).catch(() => ''))
      throw new RegistryError(`manifest unknown: ${ref}`, { status: 404, code })
    }
    if (response.status !== 200) throw await this.transport.failure(response, what)
    let bytes: Buffer
    try {
      bytes = await response.bytes(MAX_MANIFEST_BYTES)
    } catch (error) {
      throw new RegistryError(`${what}: ${(error as Error).message}`, {
        retryable: isRetryableNetworkError(error)
      })
    }
    const said = saidDigest(response, what, ref.registry)
    const expected = ref.digest ?? said
    const digest = digestOf(bytes, expected)
    if (expected && digest !== expected) {
      throw new DigestMismatchError(
        `manifest of ${ref} does not match its digest ${expected}: content has ${digest}`
      )
    }
    let mediaType = bareMediaType(response.header('content-type'))
    if (!isIndexType(mediaType) && !isImageManifestType(mediaType)) {
      try {
        mediaType = manifestMediaType(
          JSON.parse(bytes.toString('utf8')) as Record<string, unknown>,
          mediaType
        )
      } catch {
        // not JSON: parseManifest will say so when someone reads it
      }
    }
    return { bytes, digest, mediaType, size: bytes.length }
  }

  /** Stores a manifest under the reference's tag (or its digest); returns its digest. */
  async putManifest(ref: ImageReference, bytes: Buffer, mediaType: string): Promise<string> {
    const identifier = ref.tag ?? ref.digest
    if (!identifier)
      throw new RegistryError(`cannot store a manifest at ${ref} without a tag or digest`)
    const digest = digestOf(bytes, ref.digest)
    if (ref.digest && digest !== ref.digest) {
      throw new DigestMismatchError(`manifest for ${ref} has digest ${digest}, not ${ref.digest}`)
    }
    const what = `PUT manifest ${ref}`
    const response = await this.transport.call({
      ...this.push(ref, what),
      method: 'PUT',
      path: `/v2/${ref.repository}/manifests/${identifier}`,
      headers: { 'content-type': mediaType },
      body: bytes
    })
    if (response.status < 200 || response.status >= 300)
      throw await this.transport.failure(response, what)
    response.discard()
    const said = saidDigest(response, what, ref.registry)
    if (said && said !== digestOf(bytes, said)) {
      throw new DigestMismatchError(`${ref.registry} stored ${ref} as ${said}, expected ${digest}`)
    }
    return digest
  }

  async blobExists(ref: ImageReference, digest: string): Promise<boolean> {
    const what = `HEAD blob ${shortDigest(digest)} in ${ref.name}`
    const response = await this.transport.call({
      ...this.pull(ref, what),
      method: 'HEAD',
      path: `/v2/${ref.repository}/blobs/${digest}`,
      followRedirects: true
    })
    response.discard()
    if (response.status === 200) return true
    if (response.status === 404) return false
    throw await this.transport.failure(response, what)
  }

  /**
   * Asks the registry to link a blob from another repository of the same registry into this
   * one. 201: done. 202: the registry would not (or cannot) mount and started an ordinary
   * upload instead, whose location is returned.
   */
  async mountBlob(
    ref: ImageReference,
    digest: string,
    fromRepository: string
  ): Promise<MountResult> {
    const what = `mount blob ${shortDigest(digest)} from ${fromRepository} into ${ref.name}`
    const query = new URLSearchParams({ mount: digest, from: fromRepository })
    const response = await this.transport.call({
      registry: ref.registry,
      repository: ref.repository,
      scopes: [pushScope(ref.repository), pullScope(fromRepository)],
      what,
      method: 'POST',
      path: `/v2/${ref.repository}/blobs/uploads/?${query}`
    })
    response.discard()
    if (response.status === 201) return { mounted: true }
    if (response.status === 202)
      return { mounted: false, location: this.transport.location(response, what).href }
    throw await this.transport.failure(response, what)
  }

  /** Starts an upload session; returns its location. */
  async startUpload(ref: ImageReference): Promise<string> {
    const what = `start upload to ${ref.name}`
    const response = await this.transport.call({
      ...this.push(ref, what),
      method: 'POST',
      path: `/v2/${ref.repository}/blobs/uploads/`
    })
    response.discard()
    if (response.status !== 202) throw await this.transport.failure(response, what)
    return this.transport.location(response, what).href
  }

  /** Abandons an upload session (best effort). */
  async cancelUpload(ref: ImageReference, location: string): Promise<void> {
    const response = await this.transport.call({
      ...this.push(ref, `cancel upload to ${ref.name}`),
      method: 'DELETE',
      url: new URL(location),
      once: true
    })
    response.discard()
  }

  /**
   * Uploads a blob: one PUT with the whole body (streamed, not buffered) or, with chunkSize,
   * PATCH chunks that resume where the registry says it stopped. The registry checks the
   * digest before it keeps the blob.
   */
  async uploadBlob(
    ref: ImageReference,
    digest: string,
    size: number,
    body: Buffer | Readable,
    options: UploadOptions = {}
  ): Promise<void> {
    let location = new URL(options.location ?? (await this.startUpload(ref)))
    const what = `upload blob ${shortDigest(digest)} to ${ref.name}`
    const chunkSize = options.chunkSize
    if (chunkSize && size > chunkSize) {
      const sent = await uploadInChunks(
        this.transport,
        this.push(ref, what),
        location,
        body,
        chunkSize
      )
      if (sent.bytes !== size) {
        throw new DigestMismatchError(`blob ${digest} has ${sent.bytes} bytes, expected ${size}`)
      }
      location = sent.location
      body = Buffer.alloc(0)
    }
    const url = new URL(location)
    url.searchParams.set('digest', digest)
    let error: RegistryError
    try {
      const response = await this.transport.call({
        ...this.push(ref, what),
        method: 'PUT',
        url,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': Buffer.isBuffer(body) ? body.length : size
        },
        body
      })
      response.discard()
      if (response.status === 201 || response.status === 204 || response.status === 200) return
      error = await this.transport.failure(response, what)
    } catch (caught) {
      if (!(caught instanceof RegistryError) || !Buffer.isBuffer(body)) throw caught
      error = caught
    }
    // A PUT whose answer was lost may have been done all the same (a retry then finds the
    // upload gone): the blob being there is what counts.
    if (await this.blobExists(ref, digest).catch(() => false)) return
    throw error
  }

  /** A blob's content as a stream that fails at its end unless digest (and size) match. */
  async getBlob(
    ref: ImageReference,
    digest: string,
    size?: number
  ): Promise<{ stream: Readable; size: number }> {
    const what = `GET blob ${shortDigest(digest)} from ${ref.name}`
    const response = await this.transport.call({
      ...this.pull(ref, what),
      method: 'GET',
      path: `/v2/${ref.repository}/blobs/${digest}`,
      followRedirects: true
    })
    if (response.status === 404) {
      response.discard()
      throw new RegistryError(`blob unknown: ${digest} in ${ref.name}`, {
        status: 404,
        code: 'BLOB_UNKNOWN'
      })
    }
    if (response.status !== 200) throw await this.transport.failure(response, what)
    const length = Number(response.header('content-length'))
    const expected = size ?? (Number.isSafeInteger(length) ? length : undefined)
    const verifier = new DigestVerifier(digest, expected, `blob from ${ref.name}`)
    pipeline(response.body, verifier).catch((error: Error) => verifier.destroy(error))
    return { stream: verifier, size: expected ?? -1 }
  }

  /** Every tag of the repository (following pagination); [] when the repository is unknown. */
  async listTags(ref: ImageReference): Promise<string[]> {
    const what = `list tags of ${ref.name}`
    const tags: string[] = []
    let url: URL | undefined = new URL(
      `/v2/${ref.repository}/tags/list?n=1000`,
      await this.transport.endpoint(ref.registry)
    )
    for (let page = 0; url && page < 10_000; page++) {
      const response = await this.transport.call({ ...this.pull(ref, what), method: 'GET', url })
      if (response.status === 404) {
        response.discard()
        return tags
      }
      if (response.status !== 200) throw await this.transport.failure(response, what)
      let body: { tags?: string[] | null }
      try {
        body = JSON.parse(await response.text(16 << 20)) as typeof body
      } catch {
        throw new RegistryError(`${what}: the registry answered something that is not JSON`)
      }
      tags.push(...(body.tags ?? []))
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.header('link') ?? '')
      url = next ? new URL(next[1], response.url) : undefined
    }
    return tags
  }

  /**
   * Says that the client is about to write to this repository: its reads then ask for a
   * pull,push token too, so that a copy needs one token for DST instead of two.
   */
  willPush(ref: ImageReference): void {
    this.pushing.add(ref.name)
  }

  private pull(ref: ImageReference, what: string): CallTarget {
    const scope = this.pushing.has(ref.name) ? pushScope : pullScope
    return {
      registry: ref.registry,
      repository: ref.repository,
      scopes: [scope(ref.repository)],
      what
    }
  }

  private push(ref: ImageReference, what: string): CallTarget {
    return {
      registry: ref.registry,
      repository: ref.repository,
      scopes: [pushScope(ref.repository)],
      what
    }
  }
}

/**
 * The Docker-Content-Digest a registry sent, if it sent one. A value that is not a digest is the
 * registry saying something wrong, and what it says of the content cannot be trusted then.
 */
function saidDigest(response: HttpResponse, what: string, registry: string): string | undefined {
  const said = response.header('docker-content-digest')
  if (said === undefined) return undefined
  if (!isDigest(said)) {
    throw new RegistryError(
      `${what}: ${registry} sent a malformed Docker-Content-Digest header "${oneLine(said, 80)}"`
    )
  }
  return said
}
