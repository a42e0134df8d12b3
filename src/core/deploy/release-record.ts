import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { UserError } from '../errors.js'
import { isRecord, type KubeObject } from '../manifests/manifest.js'

// A release: one rendered set of one environment, numbered, with what it ran and how it ended.
// Each is kept in the environment's namespace as a Secret holding the gzipped JSON record (as
// Helm 3 keeps its releases): the cluster itself answers "what is live" and "what do we roll back
// to", without GitHub. Values of Secrets in the rendered set are not stored, only their hashes:
// a rollback leaves Secrets as they are (docs/deploy.md).

export type ReleaseState = 'deploying' | 'deployed' | 'failed' | 'rolled-back' | 'superseded'
export const RELEASE_STATES: ReleaseState[] = [
  'deploying',
  'deployed',
  'failed',
  'rolled-back',
  'superseded'
]

export interface Release {
  environment: string
  number: number
  state: ReleaseState
  /** The released image, repository@sha256:..., when the render pinned one. */
  image?: string
  digest?: string
  commit?: string
  /** sha256 of the rendered set's YAML, as render reports it. */
  renderHash: string
  /** The objects applied, in install order; Secrets with hashes in place of their values. */
  objects: KubeObject[]
  strategy: string
  /** Who asked, and why (a rollback's reason, a promotion's source). */
  actor?: string
  reason?: string
  /** The CI run, when there was one. */
  runUrl?: string
  scanVerdict?: string
  analysisVerdict?: string
  startedAt: string
  finishedAt?: string
  /** What went wrong, for failed releases; what replaced it, for rolled-back ones. */
  message?: string
  slipwayVersion: string
}

export const RELEASE_SECRET_TYPE = 'slipway.dev/release.v1'
export const LABEL_OWNER = 'slipway.dev/owner'
export const LABEL_RELEASE_ENV = 'slipway.dev/release-of'
export const LABEL_RELEASE_NUMBER = 'slipway.dev/release-number'
export const LABEL_RELEASE_STATE = 'slipway.dev/release-state'

/** A Secret can hold 1 MiB; the record must fit with room for metadata. */
const MAX_RECORD_BYTES = 1000 * 1024
/** A stored record is never unpacked past this, whatever its gzip says. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024

export function releaseSecretName(environment: string, number: number): string {
  return `slipway.release.v1.${environment}.v${number}`
}

export function releaseSecret(release: Release, namespace: string): KubeObject {
  const packed = gzipSync(Buffer.from(JSON.stringify(release)))
  if (packed.length > MAX_RECORD_BYTES) {
    throw new UserError(
      `release ${release.number} of ${release.environment} is ${Math.round(packed.length / 1024)} KiB compressed, ` +
        `over the ${MAX_RECORD_BYTES / 1024} KiB a release record (a Secret) can hold: split the environment's manifests`
    )
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: RELEASE_SECRET_TYPE,
    metadata: {
      name: releaseSecretName(release.environment, release.number),
      namespace,
      labels: {
        [LABEL_OWNER]: 'slipway',
        [LABEL_RELEASE_ENV]: release.environment,
        [LABEL_RELEASE_NUMBER]: String(release.number),
        [LABEL_RELEASE_STATE]: release.state
      }
    },
    data: { release: packed.toString('base64') }
  }
}

/** The record in a release Secret; a record that is not one slipway writes is an error. */
export function releaseFromSecret(secret: KubeObject): Release {
  const name = String((secret.metadata as { name?: unknown } | undefined)?.name ?? '?')
  const data = isRecord(secret.data) ? secret.data.release : undefined
  const fail = (why: string) =>
    new UserError(
      `the release record ${name} cannot be read (${why}); it was not written by slipway, or was changed`
    )
  if (typeof data !== 'string') throw fail('no data.release')
  let record: unknown
  try {
    const json = gunzipSync(Buffer.from(data, 'base64'), { maxOutputLength: MAX_UNPACKED_BYTES })
    record = JSON.parse(json.toString('utf8'))
  } catch {
    throw fail('not gzipped JSON')
  }
  if (
    !isRecord(record) ||
    typeof record.environment !== 'string' ||
    !Number.isSafeInteger(record.number) ||
    !RELEASE_STATES.includes(record.state as ReleaseState) ||
    !Array.isArray(record.objects) ||
    typeof record.renderHash !== 'string' ||
    typeof record.startedAt !== 'string'
  ) {
    throw fail('fields missing or of the wrong type')
  }
  return record as unknown as Release
}

/**
 * The object as recorded: a Secret's values become `sha256:` hashes (data and stringData), so a
 * release record never holds what the Secret protects.
 */
export function recordedObject(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return object
  const hashed = (values: unknown) =>
    isRecord(values)
      ? Object.fromEntries(
          Object.entries(values).map(([k, v]) => [
            k,
            `sha256:${createHash('sha256').update(String(v)).digest('hex')}`
          ])
        )
      : values
  const copy: KubeObject = { ...object }
  if (copy.data !== undefined) copy.data = hashed(copy.data)
  if (copy.stringData !== undefined) copy.stringData = hashed(copy.stringData)
  return copy
}

/** Whether a recorded object stands for a Secret whose values were not kept. */
export function isRecordedSecret(object: KubeObject): boolean {
  return object.kind === 'Secret' && object.apiVersion === 'v1'
}
