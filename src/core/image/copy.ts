import { UserError } from '../errors.js'
import { shortDigest } from './digest.js'
import { blobsOf, isForeign, parseManifest, type Descriptor } from './manifest.js'
import { ImageReference, registryApiHost } from './reference.js'
import type { Manifest, RegistryClient } from './registry.js'
import { RegistryError } from './registry-error.js'
import { withRetry, type RetryOptions } from './retry.js'

// Copies an image by digest, moving as little as possible:
//   - same repository: PUT the manifest bytes under the new tag; no blob moves;
//   - another repository of the same registry: mount each blob (POST ?mount=&from=); a
//     registry that answers 202 instead gets the blob streamed into the upload it opened, unless
//     DST has it already;
//   - another registry: stream each blob from a GET straight into the upload, in parallel,
//     never touching disk, verifying its digest on the way.
// An index is copied with all its children. Blobs go first, then child manifests (by digest),
// and the manifest DST names last: DST never points at a partial image.

export interface CopyOptions {
  /** Blobs transferred at once (default 4). */
  concurrency?: number
  /** Upload blobs larger than this in resumable PATCH chunks of this size (default: one PUT). */
  chunkSize?: number
  /** How often a broken blob transfer starts over (default: the client's request policy). */
  retry?: RetryOptions
  /** Told about each blob as it is done with. */
  onBlob?: (event: {
    digest: string
    size: number
    action: 'copied' | 'mounted' | 'skipped'
  }) => void
}

export interface CopyResult {
  digest: string
  mediaType: string
  blobsCopied: number
  blobsMounted: number
  blobsSkipped: number
  /** Bytes streamed from SRC to DST (mounted and skipped blobs move none). */
  bytes: number
  /** Manifests written to DST, children included. */
  manifests: number
}

/** How deep indexes may nest (an index of indexes is legal, if rare). */
const MAX_DEPTH = 4

interface Plan {
  /** Child manifests to write, children before their parents. */
  manifests: Manifest[]
  blobs: Map<string, Descriptor>
  foreign: number
}

export async function copyImage(
  src: ImageReference,
  dst: ImageReference,
  client: RegistryClient,
  options: CopyOptions = {}
): Promise<CopyResult> {
  client.willPush(dst)
  const top = await client.getManifest(src)
  if (dst.digest && dst.digest !== top.digest) {
    throw new UserError(`${dst} names digest ${dst.digest}, but ${src} is ${top.digest}`)
  }
  const tag = dst.tag ?? (dst.digest ? undefined : 'latest')
  const target = new ImageReference(dst.registry, dst.repository, tag, top.digest)
  const result: CopyResult = {
    digest: top.digest,
    mediaType: top.mediaType,
    blobsCopied: 0,
    blobsMounted: 0,
    blobsSkipped: 0,
    bytes: 0,
    manifests: 0
  }
  const sameRegistry = registryApiHost(src.registry) === registryApiHost(dst.registry)

  // Same repository, or the destination has this manifest already (and so everything it
  // needs): only the tag is missing.
  const present =
    (sameRegistry && src.repository === dst.repository) ||
    (await client.headManifest(dst.atDigest(top.digest))) !== undefined
  if (!present) {
    const plan: Plan = { manifests: [], blobs: new Map(), foreign: 0 }
    await collect(src, dst, top, client, plan, 0)
    result.blobsSkipped += plan.foreign
    await forEachLimit([...plan.blobs.values()], options.concurrency ?? 4, async (blob) => {
      const action = await transferBlob(src, dst, blob, client, sameRegistry, options)
      if (action === 'copied') {
        result.blobsCopied++
        result.bytes += blob.size
      } else if (action === 'mounted') result.blobsMounted++
      else result.blobsSkipped++
      options.onBlob?.({ digest: blob.digest, size: blob.size, action })
    })
    for (const manifest of plan.manifests) {
      await client.putManifest(dst.atDigest(manifest.digest), manifest.bytes, manifest.mediaType)
      result.manifests++
    }
  }
  if (tag || !present) {
    await client.putManifest(target, top.bytes, top.mediaType)
    result.manifests++
  }
  return result
}

/** Walks the manifest tree: child manifests DST lacks, and the blobs they need. */
async function collect(
  src: ImageReference,
  dst: ImageReference,
  manifest: Manifest,
  client: RegistryClient,
  plan: Plan,
  depth: number
): Promise<void> {
  const what = `manifest ${src.atDigest(manifest.digest)}`
  const parsed = parseManifest(manifest.bytes, manifest.mediaType, what)
  if (parsed.kind === 'image') {
    for (const blob of blobsOf(parsed)) {
      if (isForeign(blob)) plan.foreign++
      else plan.blobs.set(blob.digest, blob)
    }
    return
  }
  if (depth >= MAX_DEPTH)
    throw new UserError(`${what} nests indexes deeper than ${MAX_DEPTH} levels`)
  const children: (Manifest | undefined)[] = []
  await forEachLimit(parsed.manifests, 4, async (child) => {
    if (await client.headManifest(dst.atDigest(child.digest))) return // there, with its blobs
    const fetched = await client.getManifest(src.atDigest(child.digest))
    if (fetched.size !== child.size) {
      throw new UserError(
        `${what} lists ${child.digest} with size ${child.size}, but it has ${fetched.size} bytes`
      )
    }
    children[parsed.manifests.indexOf(child)] = {
      ...fetched,
      mediaType: child.mediaType || fetched.mediaType
    }
  })
  for (const child of children) {
    if (!child) continue
    await collect(src, dst, child, client, plan, depth + 1)
    if (!plan.manifests.some((m) => m.digest === child.digest)) plan.manifests.push(child)
  }
}

async function transferBlob(
  src: ImageReference,
  dst: ImageReference,
  blob: Descriptor,
  client: RegistryClient,
  sameRegistry: boolean,
  options: CopyOptions
): Promise<'copied' | 'mounted' | 'skipped'> {
  let opened: string | undefined
  if (sameRegistry) {
    // No HEAD first: a mount answers 201 also when DST has the blob, and each request saved is a
    // round trip to a registry that is rarely near.
    const mount = await client.mountBlob(dst, blob.digest, src.repository)
    if (mount.mounted) return 'mounted'
    opened = mount.location
  }
  if (await client.blobExists(dst, blob.digest)) {
    if (opened) client.cancelUpload(dst, opened).catch(() => {})
    return 'skipped'
  }
  try {
    await withRetry(async (attempt) => {
      // A transfer that failed late may have completed all the same.
      if (attempt > 1 && (await client.blobExists(dst, blob.digest))) return
      const location = opened ?? (await client.startUpload(dst))
      opened = undefined
      let stream
      try {
        stream = (await client.getBlob(src, blob.digest, blob.size)).stream
        await client.uploadBlob(dst, blob.digest, blob.size, stream, {
          location,
          chunkSize: options.chunkSize
        })
      } catch (error) {
        stream?.destroy()
        client.cancelUpload(dst, location).catch(() => {})
        throw error
      }
    }, options.retry ?? client.retryOptions)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new RegistryError(
      `copying blob ${shortDigest(blob.digest)} from ${src.name} to ${dst.name} failed: ${(error as Error).message}`
    )
  }
  return 'copied'
}

/** Runs `task` over `items`, at most `limit` at a time; the first failure stops new starts. */
async function forEachLimit<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]
      try {
        await task(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failure) throw failure.error
}
