import { errorMessage, UserError } from '../errors.js'
import type { KubeClient } from '../kube/client.js'
import type { DeploySettings } from './deploy.js'
import { acquireLease } from './lease.js'
import type { Release } from './release-record.js'
import { liveRelease, ReleaseStore } from './release-store.js'
import { applyRecorded, versionsOfReleases } from './restore.js'

// An on-call engineer's rollback: the environment goes back to an earlier release exactly as it
// was recorded (not a re-render of today's repository), without canary steps or analysis. The
// release it replaces is marked rolled-back, the target deployed again, with who and why. It
// needs only the cluster: no GitHub, no registry (the nodes still have the image).

export interface RollbackRequest {
  environment: string
  namespace: string
  /** A release number, or a digest (sha256:...) or image by digest; default: the release before the live one. */
  to?: string
  reason: string
  actor?: string
  runUrl?: string
  holder: string
  settings: DeploySettings
  /** Allow a target that never reached deployed. */
  force?: boolean
  log?: (line: string) => void
}

export interface RollbackOutcome {
  from: Release
  to: Release
  durationMs: number
  message: string
}

/** States of a release that once ran: it was deployed, and later replaced or rolled back. */
const REACHED_DEPLOYED = new Set(['deployed', 'superseded', 'rolled-back'])

export async function rollback(
  client: KubeClient,
  request: RollbackRequest
): Promise<RollbackOutcome> {
  const started = Date.now()
  const { environment, namespace } = request
  const log = request.log ?? (() => undefined)
  if (!request.reason.trim())
    throw new UserError('a rollback needs a reason: it is recorded in the release')
  const store = new ReleaseStore(client, environment, namespace)
  const lease = await acquireLease(client, environment, namespace, {
    holder: request.holder,
    waitMs: request.settings.lockTimeoutMs,
    onWait: (holder) => log(`lock: waiting for ${holder}`)
  })
  try {
    const releases = await store.list()
    const live = liveRelease(releases)
    if (!live) {
      throw new UserError(
        `no release of ${environment} is live in the cluster (slipway history --env ${environment}): nothing to roll back from`
      )
    }
    const target = chooseTarget(releases, live, request.to, request.force ?? false)
    log(
      `rollback: from release ${live.number} (${live.digest ?? 'no digest'}) to release ${target.number} (${target.digest ?? 'no digest'})`
    )
    try {
      await applyRecorded(client, target, request, versionsOfReleases(releases), lease)
    } catch (error) {
      // The target did not come up: put the release that was live back, as a failed deploy does.
      log(
        `rollback: release ${target.number} did not come up (${errorMessage(error)}); restoring release ${live.number}`
      )
      const back = await applyRecorded(
        client,
        live,
        request,
        versionsOfReleases(releases),
        lease
      ).then(
        () => `release ${live.number} is live again`,
        (again) => `restoring release ${live.number} failed too: ${errorMessage(again)}`
      )
      throw new UserError(
        `rollback of ${environment} to release ${target.number} failed: ${errorMessage(error)}; ${back}`
      )
    }
    const lost = lease.lost()
    if (lost) throw lost
    const now = new Date().toISOString()
    const who = request.actor ? ` by ${request.actor}` : ''
    await store.save({
      ...live,
      state: 'rolled-back',
      message: `rolled back to release ${target.number}${who}: ${request.reason}`
    })
    const restored: Release = {
      ...target,
      state: 'deployed',
      finishedAt: now,
      actor: request.actor ?? target.actor,
      reason: `rollback from release ${live.number}: ${request.reason}`,
      runUrl: request.runUrl ?? target.runUrl,
      message: undefined
    }
    await store.save(restored)
    const durationMs = Date.now() - started
    return {
      from: live,
      to: restored,
      durationMs,
      message: `${environment} rolled back from release ${live.number} to release ${target.number} in ${Math.round(durationMs / 1000)} s`
    }
  } finally {
    await lease.release()
  }
}

function chooseTarget(
  releases: Release[],
  live: Release,
  to: string | undefined,
  force: boolean
): Release {
  if (to === undefined || to === '') {
    const earlier = releases.find((r) => r.number < live.number && REACHED_DEPLOYED.has(r.state))
    if (!earlier) {
      throw new UserError(
        `no release of ${live.environment} before the live one (release ${live.number}) ever reached deployed: nothing to roll back to`
      )
    }
    return earlier
  }
  const target = /^\d+$/.test(to)
    ? releases.find((r) => r.number === Number(to))
    : releases.find(
        (r) =>
          r.digest !== undefined &&
          (to === r.digest || to.endsWith(`@${r.digest}`) || to === r.image)
      )
  if (!target) {
    throw new UserError(
      `release ${to} of ${live.environment} is not in the cluster's records (slipway history --env ${live.environment} lists them)`
    )
  }
  if (target.number === live.number) {
    throw new UserError(
      `release ${target.number} is the live release of ${live.environment} already`
    )
  }
  if (!REACHED_DEPLOYED.has(target.state) && !force) {
    throw new UserError(
      `release ${target.number} of ${live.environment} never reached deployed (it is ${target.state}): name another, or force the rollback`
    )
  }
  return target
}
