import { UserError } from '../errors.js'
import type { Release } from '../deploy/release-record.js'
import { liveRelease } from '../deploy/release-store.js'

// Which release of the source environment is promoted: the live one, or one named by release
// number or digest. Only a release that reached deployed and was not rolled back may go on; that
// is the provenance gate's to say, so a named release in another state is still returned.

export interface ReleaseSelector {
  digest?: string
  number?: number
}

const GOOD = new Set(['deployed', 'superseded'])

export function chooseRelease(
  environment: string,
  releases: Release[],
  selector: ReleaseSelector = {}
): Release {
  if (selector.number !== undefined) {
    const release = releases.find((r) => r.number === selector.number)
    if (!release) {
      throw new UserError(
        `release ${selector.number} of ${environment} is not recorded in the cluster (known: ${known(releases)})`
      )
    }
    return release
  }
  if (selector.digest !== undefined) {
    const digest = digestOf(selector.digest)
    const matching = releases.filter((r) => r.digest === digest)
    const release = matching.find((r) => GOOD.has(r.state)) ?? matching[0]
    if (!release) {
      throw new UserError(
        `${digest} was never deployed in ${environment} (known: ${known(releases)})`
      )
    }
    return release
  }
  const live = liveRelease(releases)
  if (!live) {
    throw new UserError(
      `no release is live in ${environment}: deploy there first, or name a release with --digest`
    )
  }
  return live
}

/** The digest of `sha256:...` or `repository@sha256:...`. */
export function digestOf(text: string): string {
  const digest = text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new UserError(`expected a digest sha256:<64 hex digits>, got "${text}"`)
  }
  return digest
}

function known(releases: Release[]): string {
  if (releases.length === 0) return 'none'
  return releases
    .slice(0, 5)
    .map((r) => `${r.number} ${r.state}${r.digest ? ` ${r.digest.slice(0, 19)}` : ''}`)
    .join(', ')
}
