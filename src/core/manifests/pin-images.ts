import type { Finding } from './findings.js'
import { canonicalRepository, parseImageRef } from './image-ref.js'
import { describeId, idOf, pathText, type FieldPath, type Manifest } from './manifest.js'
import { containersOf, podSpecOf } from './pod-specs.js'

/** An image to pin: every reference to one of `repositories` becomes `pinned`. */
export interface PinTarget {
  /** How the user named it, for messages. */
  name: string
  repositories: string[]
  /** `repository@sha256:...` */
  pinned: string
}

export interface PinnedImage {
  object: string
  container: string
  from: string
  to: string
  path: FieldPath
}

/**
 * Rewrites the image of every container, init container and ephemeral container of every
 * workload that refers to a target's repository, whatever its tag or digest. A target found
 * nowhere is an error: the release would not run the image it was meant to.
 */
export function pinImages(
  manifests: Manifest[],
  targets: PinTarget[]
): { pinned: PinnedImage[]; findings: Finding[] } {
  const wanted = targets.map((t) => ({
    ...t,
    keys: new Set(t.repositories.map(canonicalRepository))
  }))
  const pinned: PinnedImage[] = []
  const found = new Set<PinTarget['name']>()
  const seen = new Set<string>()
  for (const { object } of manifests) {
    const pod = podSpecOf(object)
    if (!pod) continue
    for (const { container, path } of containersOf(pod)) {
      if (typeof container.image !== 'string') continue
      seen.add(container.image)
      const ref = parseImageRef(container.image)
      if (!ref) continue
      const target = wanted.find((t) => t.keys.has(canonicalRepository(ref.repository)))
      if (!target) continue
      found.add(target.name)
      pinned.push({
        object: describeId(idOf(object)),
        container: typeof container.name === 'string' ? container.name : pathText(path),
        from: container.image,
        to: target.pinned,
        path: [...path, 'image']
      })
      container.image = target.pinned
    }
  }
  const findings: Finding[] = targets
    .filter((t) => !found.has(t.name))
    .map((t) => ({
      level: 'error',
      check: 'release-image',
      message:
        `image ${t.name} is not used by any container, so it cannot be pinned to ${t.pinned}` +
        ` (images in the manifests: ${[...seen].sort().join(', ') || 'none'})`
    }))
  return { pinned, findings }
}
