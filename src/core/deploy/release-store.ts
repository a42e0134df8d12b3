import type { KubeClient } from '../kube/client.js'
import {
  LABEL_OWNER,
  LABEL_RELEASE_ENV,
  releaseFromSecret,
  releaseSecret,
  type Release
} from './release-record.js'

// The releases of an environment as the cluster keeps them: read, written, and trimmed to the
// history limit, the live release always kept.

export class ReleaseStore {
  constructor(
    private readonly client: KubeClient,
    readonly environment: string,
    readonly namespace: string
  ) {}

  /** Every release of the environment, newest first. */
  async list(): Promise<Release[]> {
    const secrets = await this.client.list(
      'v1',
      'Secret',
      this.namespace,
      `${LABEL_OWNER}=slipway,${LABEL_RELEASE_ENV}=${this.environment}`
    )
    return secrets.map(releaseFromSecret).sort((a, b) => b.number - a.number)
  }

  async save(release: Release): Promise<void> {
    await this.client.apply(releaseSecret(release, this.namespace), { force: true })
  }

  /** Deletes the oldest records past `limit`, never the live one. */
  async trim(limit: number): Promise<number> {
    const releases = await this.list()
    const live = liveRelease(releases)
    const old = releases.slice(limit).filter((r) => r.number !== live?.number)
    for (const release of old) {
      await this.client.delete(releaseSecret({ ...release, objects: [] }, this.namespace))
    }
    return old.length
  }
}

/** The release that runs: the newest one deployed. */
export function liveRelease(releases: Release[]): Release | undefined {
  return releases.find((r) => r.state === 'deployed')
}
