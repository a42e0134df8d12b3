import { errorMessage, UserError } from '../errors.js'
import { parseManifest } from '../image/manifest.js'
import { parseReference, type ImageReference } from '../image/reference.js'
import { planBuild, type Builder, type BuildRequest } from './build-plan.js'
import { detectBuilder, runBuild, type CacheStats, type DockerCli } from './builder.js'
import type { ImageMetadata } from './metadata.js'

// Build once: the whole of build-image between "inputs read" and "outputs set". When the
// registry already holds the image of this commit (its sha-<short> tag), nothing is built and
// that image's digest is the answer; else the image is built, pushed, and its digest read back
// from the registry.

/** What build-image needs of a registry: src/core/image/registry.ts's RegistryClient. */
export interface ImageRegistry {
  headManifest(
    reference: ImageReference
  ): Promise<{ digest: string; mediaType: string; size: number } | undefined>
  getManifest(
    reference: ImageReference
  ): Promise<{ bytes: Buffer; digest: string; mediaType: string; size: number }>
  putManifest(reference: ImageReference, bytes: Buffer, mediaType: string): Promise<string>
}

export interface BuildImageRequest {
  metadata: ImageMetadata
  /** The build itself; tags and labels come from `metadata`. */
  build: Omit<BuildRequest, 'tags' | 'labels' | 'workDir'>
  /** Look for <image>:sha-<short> first and skip the build when it is there (push only). */
  skipExisting: boolean
  docker: DockerCli
  registry: ImageRegistry
  /** A fresh folder for the iidfile and metadata file. */
  workDir: string
  /** Each line of the build's output. */
  log: (line: string) => void
  /** Builder detection, if done already. */
  builder?: Builder
}

export interface BuildImageOutcome {
  image: string
  /** Manifest or index digest; undefined when the image was not pushed. */
  digest?: string
  /** repository@digest; undefined when the image was not pushed. */
  imageRef?: string
  imageId?: string
  /** Full references of every tag. */
  tags: string[]
  skipped: boolean
  /** Tags a skipped build pointed at the existing image (they were missing or elsewhere). */
  retagged: string[]
  pushed: boolean
  builder: Builder
  cache?: CacheStats
  durationMs: number
  /** Sum of the compressed layer sizes (of every platform of an index). */
  size?: number
  notes: string[]
}

export async function buildImage(request: BuildImageRequest): Promise<BuildImageOutcome> {
  const { metadata } = request
  const notes = [...metadata.notes]
  const builder = request.builder ?? (await detectBuilder(request.docker))
  const buildRequest: BuildRequest = {
    ...request.build,
    tags: metadata.refs,
    labels: metadata.labels,
    workDir: request.workDir
  }
  // Planned first: a build that cannot work is refused even when the image exists already.
  const plan = planBuild(buildRequest, builder)
  notes.push(...plan.notes)
  const shaRef = parseReference(`${metadata.image}:${metadata.shaTag}`)
  const base = { image: metadata.image, tags: metadata.refs, builder, notes }

  if (request.build.push && request.skipExisting) {
    const started = Date.now()
    const existing = await request.registry.headManifest(shaRef).catch((error: unknown) => {
      notes.push(`could not look for ${shaRef} (${errorMessage(error)}); building`)
      return undefined
    })
    if (existing) {
      const manifest = await request.registry.getManifest(shaRef.atDigest(existing.digest))
      const retagged = await retag(request.registry, metadata, manifest)
      return {
        ...base,
        digest: existing.digest,
        imageRef: `${metadata.image}@${existing.digest}`,
        skipped: true,
        retagged,
        pushed: false,
        durationMs: Date.now() - started,
        size: await sizeOf(request.registry, shaRef.atDigest(existing.digest), notes)
      }
    }
  }

  const result = await runBuild(plan, request.docker, request.log)
  let digest = result.digest
  if (request.build.push) {
    // The registry has the last word: the digest is read back from it.
    const head = await request.registry.headManifest(shaRef).catch((error: unknown) => {
      throw new UserError(`pushed, but could not read ${shaRef} back: ${errorMessage(error)}`)
    })
    if (!head) throw new UserError(`pushed, but the registry has no ${shaRef}`)
    // buildx's docker driver reports the image ID as containerimage.digest: no manifest digest.
    if (digest === result.imageId) digest = undefined
    if (digest && head.digest !== digest) {
      throw new UserError(
        `the build pushed ${digest}, but ${shaRef} is ${head.digest}: another run pushed the same tag at the same time`
      )
    }
    digest = head.digest
  }
  return {
    ...base,
    digest,
    imageRef: digest ? `${metadata.image}@${digest}` : undefined,
    imageId: result.imageId,
    skipped: false,
    retagged: [],
    pushed: request.build.push,
    cache: result.cache,
    durationMs: result.durationMs,
    size: digest ? await sizeOf(request.registry, shaRef.atDigest(digest), notes) : undefined
  }
}

/**
 * Points every other tag of this run at the existing image: a release tag pushed on a commit
 * built before gets its 1.2.3, 1.2, 1 and latest without a rebuild. Only the manifest is
 * written, under each tag that is missing or names another image.
 */
async function retag(
  registry: ImageRegistry,
  metadata: ImageMetadata,
  manifest: { bytes: Buffer; digest: string; mediaType: string }
): Promise<string[]> {
  const retagged: string[] = []
  for (const tag of metadata.tags) {
    if (tag === metadata.shaTag) continue
    const reference = parseReference(`${metadata.image}:${tag}`)
    const current = await registry.headManifest(reference)
    if (current?.digest === manifest.digest) continue
    await registry.putManifest(reference, manifest.bytes, manifest.mediaType)
    retagged.push(reference.toString())
  }
  return retagged
}

/** The sum of the layer sizes; for an index, of all its images (attestations have no layers of note). */
async function sizeOf(
  registry: ImageRegistry,
  reference: ImageReference,
  notes: string[]
): Promise<number | undefined> {
  try {
    const manifest = await registry.getManifest(reference)
    const parsed = parseManifest(manifest.bytes, manifest.mediaType, `manifest of ${reference}`)
    if (parsed.kind === 'image') return parsed.layers.reduce((sum, layer) => sum + layer.size, 0)
    let total = 0
    for (const child of parsed.manifests) {
      if (child.platform?.os === 'unknown') continue // an attestation manifest
      total += (await sizeOf(registry, reference.atDigest(child.digest), notes)) ?? 0
    }
    return total
  } catch (error) {
    notes.push(`could not read the size of ${reference}: ${errorMessage(error)}`)
    return undefined
  }
}
