import { canonicalRepository, parseImageRef } from './image-ref.js'
import { describeId } from './manifest.js'
import type { RenderResult } from './pipeline.js'
import { containersOf, podSpecOf } from './pod-specs.js'

/** One image of a render: where it is, and whether slipway pinned it (to what) or why not. */
export interface ImageEntry {
  /** As the manifests name it. */
  image: string
  /** `repository@sha256:...` when slipway pinned it. */
  pinnedTo?: string
  objects: string[]
  /** Why it was left as it is. */
  reason?: string
}

/**
 * Every container image of a render: the ones slipway pinned, and the ones it left as they
 * are with the reason. `noImage` says how the caller left the released image out ("no --image
 * was given").
 */
export function imageReport(result: RenderResult, noImage: string): ImageEntry[] {
  const released = new Set(result.releasedRepositories.map(canonicalRepository))
  const pinnedAt = new Map(result.pinned.map((p) => [`${p.object}\0${p.container}`, p]))
  const entries = new Map<string, ImageEntry>()
  for (const { id, object } of result.objects) {
    const pod = podSpecOf(object)
    if (!pod) continue
    const where = describeId(id)
    for (const { container } of containersOf(pod)) {
      if (typeof container.image !== 'string') continue
      const pin = pinnedAt.get(`${where}\0${String(container.name)}`)
      const image = pin?.from ?? container.image
      const key = `${image}\0${pin?.to ?? ''}`
      const entry = entries.get(key) ?? {
        image,
        ...(pin ? { pinnedTo: pin.to } : { reason: whyLeft(image, released, noImage) }),
        objects: []
      }
      if (!entry.objects.includes(where)) entry.objects.push(where)
      entries.set(key, entry)
    }
  }
  const isReleased = (e: ImageEntry) => (e.pinnedTo || isOf(e.image, released) ? 0 : 1)
  return [...entries.values()].sort(
    (a, b) => isReleased(a) - isReleased(b) || (a.image < b.image ? -1 : a.image > b.image ? 1 : 0)
  )
}

/** One line per image, for a log: `image X pinned to Y in Deployment a/b`. */
export function imageReportLines(entries: ImageEntry[]): string[] {
  return entries.map(
    (e) =>
      `image ${e.image} ${e.pinnedTo ? `pinned to ${e.pinnedTo}` : 'left as it is'} in ${e.objects.join(', ')}${e.reason ? `: ${e.reason}` : ''}`
  )
}

function whyLeft(image: string, released: Set<string>, noImage: string): string {
  const ref = parseImageRef(image)
  if (!ref) return 'not an image reference slipway can read'
  if (ref.digest) return 'pinned by digest in the manifests'
  if (released.has(canonicalRepository(ref.repository))) {
    return `the released image, but ${noImage}`
  }
  return 'not the released image (manifests.pin pins others)'
}

function isOf(image: string, released: Set<string>): boolean {
  const ref = parseImageRef(image)
  return ref !== undefined && !ref.digest && released.has(canonicalRepository(ref.repository))
}
