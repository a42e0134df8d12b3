import { isRecord, metadataOf, type KubeObject, type Manifest } from './manifest.js'
import { podSpecOf, valueAt } from './pod-specs.js'

/** What a release is: stamped on every object and pod template it renders. */
export interface ReleaseInfo {
  environment: string
  /** `app.kubernetes.io/version`: the image tag, or what the caller says. */
  version?: string
  commit?: string
  releaseId?: string
  /** The pinned image, `repository@sha256:...`. */
  image?: string
}

export const LABEL_VERSION = 'app.kubernetes.io/version'
export const LABEL_ENVIRONMENT = 'slipway.dev/environment'
export const ANNOTATION_COMMIT = 'slipway.dev/commit'
export const ANNOTATION_RELEASE = 'slipway.dev/release'
export const ANNOTATION_IMAGE = 'slipway.dev/image'

/** Annotations that change with every release by design; diffs leave them out (a new image
 * shows as the changed container image). */
export const PER_RELEASE_ANNOTATIONS = [ANNOTATION_COMMIT, ANNOTATION_RELEASE, ANNOTATION_IMAGE]

/**
 * Adds the release's labels and annotations to every object and to every pod template. Pod
 * selectors are left alone: they are immutable on most workloads, and a label that changes
 * with each release must never be part of one.
 */
export function applyReleaseMetadata(manifests: Manifest[], release: ReleaseInfo): void {
  const labels: Record<string, string> = { [LABEL_ENVIRONMENT]: labelValue(release.environment) }
  const version = release.version ? labelValue(release.version) : ''
  if (version) labels[LABEL_VERSION] = version
  const annotations: Record<string, string> = {}
  if (release.commit) annotations[ANNOTATION_COMMIT] = release.commit
  if (release.releaseId) annotations[ANNOTATION_RELEASE] = release.releaseId
  if (release.image) annotations[ANNOTATION_IMAGE] = release.image

  for (const { object } of manifests) {
    stamp(metadataOf(object), labels, annotations)
    const pod = podSpecOf(object)
    if (pod && pod.metadataPath.length > 1)
      stamp(templateMetadata(object, pod.metadataPath), labels, annotations)
  }
}

function stamp(
  metadata: Record<string, unknown>,
  labels: Record<string, string>,
  annotations: Record<string, string>
): void {
  metadata.labels = { ...(isRecord(metadata.labels) ? metadata.labels : {}), ...labels }
  if (Object.keys(annotations).length > 0) {
    metadata.annotations = {
      ...(isRecord(metadata.annotations) ? metadata.annotations : {}),
      ...annotations
    }
  }
}

function templateMetadata(
  object: KubeObject,
  metadataPath: (string | number)[]
): Record<string, unknown> {
  const template = valueAt(object, metadataPath.slice(0, -1)) as Record<string, unknown>
  if (!isRecord(template.metadata)) template.metadata = {}
  return template.metadata as Record<string, unknown>
}

/**
 * A label value Kubernetes accepts: at most 63 characters of letters, digits, `-`, `_` and
 * `.`, starting and ending with a letter or digit. Anything else becomes `-`.
 */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
}
