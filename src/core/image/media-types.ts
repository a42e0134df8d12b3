// The manifest media types slipway reads and writes (OCI image spec, Docker image manifest v2).

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
export const DOCKER_MANIFEST_V1 = 'application/vnd.docker.distribution.manifest.v1+json'
export const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws'

export const INDEX_TYPES: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST]
export const IMAGE_MANIFEST_TYPES: readonly string[] = [OCI_MANIFEST, DOCKER_MANIFEST]

/** The Accept header for manifests: indexes first, so a multi-arch tag is read as one. */
export const MANIFEST_ACCEPT = [
  OCI_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST
].join(', ')

export function isIndexType(mediaType: string): boolean {
  return INDEX_TYPES.includes(mediaType)
}

export function isImageManifestType(mediaType: string): boolean {
  return IMAGE_MANIFEST_TYPES.includes(mediaType)
}

/** The media type without parameters (`; charset=utf-8`) and in lower case. */
export function bareMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0].trim().toLowerCase()
}
