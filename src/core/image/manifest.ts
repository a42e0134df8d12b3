import { UserError } from '../errors.js'
import { isDigest } from './digest.js'
import {
  DOCKER_MANIFEST_V1,
  DOCKER_MANIFEST_V1_SIGNED,
  isImageManifestType,
  isIndexType,
  OCI_INDEX,
  OCI_MANIFEST
} from './media-types.js'

/** An OCI content descriptor: what a manifest says about a blob or a child manifest. */
export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  platform?: { architecture?: string; os?: string; variant?: string }
  annotations?: Record<string, string>
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  | { kind: 'image'; mediaType: string; config: Descriptor; layers: Descriptor[] }

/**
 * Reads a manifest's JSON. `mediaType` is what the registry said (Content-Type); when it says
 * nothing useful, the document's own mediaType field, or its shape, decides.
 */
export function parseManifest(
  bytes: Uint8Array,
  mediaType?: string,
  what = 'manifest'
): ParsedManifest {
  let document: Record<string, unknown>
  try {
    document = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>
  } catch (error) {
    throw new UserError(`${what} is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new UserError(`${what} is not a JSON object`)
  }
  const type = manifestMediaType(document, mediaType)
  if (type === DOCKER_MANIFEST_V1 || type === DOCKER_MANIFEST_V1_SIGNED) {
    throw new UserError(`${what} is a Docker schema 1 manifest, which slipway does not support`)
  }
  if (isIndexType(type)) {
    return { kind: 'index', mediaType: type, manifests: descriptors(document.manifests, what) }
  }
  if (isImageManifestType(type)) {
    const [config] = descriptors([document.config], what)
    return {
      kind: 'image',
      mediaType: type,
      config,
      layers: descriptors(document.layers ?? [], what)
    }
  }
  throw new UserError(`${what} has unsupported media type "${type || 'unknown'}"`)
}

/** The manifest's media type: a specific Content-Type, else its mediaType field, else its shape. */
export function manifestMediaType(document: Record<string, unknown>, contentType?: string): string {
  if (contentType && (isIndexType(contentType) || isImageManifestType(contentType))) {
    return contentType
  }
  if (typeof document.mediaType === 'string' && document.mediaType) return document.mediaType
  if (document.schemaVersion === 1) return DOCKER_MANIFEST_V1
  if (Array.isArray(document.manifests)) return OCI_INDEX
  if (document.config && Array.isArray(document.layers)) return OCI_MANIFEST
  return contentType ?? ''
}

/** The blobs an image manifest needs in the registry: config and layers, less foreign ones. */
export function blobsOf(manifest: ParsedManifest): Descriptor[] {
  if (manifest.kind !== 'image') return []
  return [manifest.config, ...manifest.layers]
}

/**
 * Non-distributable ("foreign") layers live elsewhere (their urls); registries do not hold
 * them and copies leave them out, as docker and skopeo do.
 */
export function isForeign(descriptor: Descriptor): boolean {
  return (
    (descriptor.urls?.length ?? 0) > 0 ||
    descriptor.mediaType.includes('foreign') ||
    descriptor.mediaType.includes('nondistributable')
  )
}

function descriptors(value: unknown, what: string): Descriptor[] {
  if (!Array.isArray(value)) throw new UserError(`${what} has no list of descriptors`)
  return value.map((item, index) => {
    const d = item as Partial<Descriptor> | null
    if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || !isDigest(d.digest)) {
      throw new UserError(`${what} has a descriptor (#${index + 1}) without a valid digest`)
    }
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
      throw new UserError(`${what} has a descriptor (${d.digest}) without a valid size`)
    }
    return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' } as Descriptor
  })
}
