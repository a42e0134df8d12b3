import { formatDuration } from '../duration.js'
import { UserError, errorMessage } from '../errors.js'
import { environmentApplySet } from '../kube/applyset.js'
import type { KubeClient } from '../kube/client.js'
import { describeId, idOf, type KubeObject, type ObjectId } from '../manifests/manifest.js'
import { VERSION } from '../version.js'
import { applyAsSet, type ApplySetResult } from './apply-set.js'
import { acquireLease, type HeldLease } from './lease.js'
import { recordedObject, type Release } from './release-record.js'
import { applyRecorded, isPreRolloutHook, versionsOfReleases } from './restore.js'
import { liveRelease, ReleaseStore } from './release-store.js'
import { describeFailure, waitForWorkloads } from './wait.js'
import { isWorkload } from './workload-status.js'

// A rolling deploy of one environment, from the runner: lock the environment, record a new
// release as deploying, run its pre-rollout Jobs, apply its objects as the environment's
// ApplySet (pruning what the last release had and this one has not), wait for every workload,
// and record the outcome. Whatever fails after the first change restores the live release from
// its record and waits for it, so the environment is never left half-deployed.

export interface DeploySettings {
  timeoutMs: number
  historyLimit: number
  lockTimeoutMs: number
  forceConflicts: boolean
  concurrency: number
  /** What to do with a release left `deploying` by a run that died. */
  onUnfinished: 'roll-forward' | 'fail'
}

export const DEFAULT_DEPLOY_SETTINGS: DeploySettings = {
  timeoutMs: 10 * 60_000,
  historyLimit: 10,
  lockTimeoutMs: 10 * 60_000,
  forceConflicts: false,
  concurrency: 8,
  onUnfinished: 'roll-forward'
}

export interface DeployRequest {
  environment: string
  namespace: string
  /** The rendered set, in install order. */
  objects: KubeObject[]
  renderHash: string
  image?: string
  commit?: string
  actor?: string
  reason?: string
  runUrl?: string
  scanVerdict?: string
  strategy?: string
  /** Who holds the environment's lock meanwhile. */
  holder: string
  /** The environment's lock, when the caller holds it already (a promotion); kept, not released. */
  lease?: HeldLease
  settings: DeploySettings
  dryRun?: boolean
  /** Progress, one line at a time, for the log. */
  log?: (line: string) => void
}

export interface TimelineEntry {
  at: string
  step: string
  detail: string
}

export interface DeployOutcome {
  result: 'deployed' | 'failed' | 'dry-run'
  release: Release
  /** The release live before, if any. */
  previous?: Release
  /** On failure: the release restored, when there was one to restore. */
  restored?: Release
  applied: ObjectId[]
  pruned: ObjectId[]
  timeline: TimelineEntry[]
  /** One line: what happened. */
  message: string
}

export async function deploy(client: KubeClient, request: DeployRequest): Promise<DeployOutcome> {
  const timeline: TimelineEntry[] = []
  const note = (step: string, detail: string) => {
    timeline.push({ at: new Date().toISOString(), step, detail })
    request.log?.(`${step}: ${detail}`)
  }
  if (request.dryRun) return deployLocked(client, request, undefined, note, timeline)
  if (request.lease) return deployLocked(client, request, request.lease, note, timeline)
  const lease = await lockEnvironment(client, request, note)
  try {
    return await deployLocked(client, request, lease, note, timeline)
  } finally {
    await lease.release()
  }
}

/** Creates the environment's namespace when missing, then takes its lock, waiting for it. */
export async function lockEnvironment(
  client: KubeClient,
  request: Pick<DeployRequest, 'environment' | 'namespace' | 'holder' | 'settings'>,
  note: (step: string, detail: string) => void
): Promise<HeldLease> {
  await ensureNamespace(client, request.namespace, note)
  return acquireLease(client, request.environment, request.namespace, {
    holder: request.holder,
    waitMs: request.settings.lockTimeoutMs,
    onWait: (holder) => note('lock', `waiting for ${holder}`)
  })
}

async function deployLocked(
  client: KubeClient,
  request: DeployRequest,
  lease: HeldLease | undefined,
  note: (step: string, detail: string) => void,
  timeline: TimelineEntry[]
): Promise<DeployOutcome> {
  const { environment, namespace, settings } = request
  const store = new ReleaseStore(client, environment, namespace)
  const parent = environmentApplySet(environment, namespace)
  const releases = request.dryRun ? await store.list().catch(() => []) : await store.list()
  const previous = liveRelease(releases)
  const release: Release = {
    environment,
    number: (releases[0]?.number ?? 0) + 1,
    state: 'deploying',
    image: request.image,
    digest: request.image?.split('@')[1],
    commit: request.commit,
    renderHash: request.renderHash,
    objects: request.objects.map(recordedObject),
    strategy: request.strategy ?? 'rolling',
    actor: request.actor,
    reason: request.reason,
    runUrl: request.runUrl,
    scanVerdict: request.scanVerdict,
    startedAt: new Date().toISOString(),
    slipwayVersion: VERSION
  }
  const knownVersions = versionsOfReleases(releases)

  if (request.dryRun) {
    const result = await applyAsSet(client, parent, request.objects, {
      dryRun: true,
      force: settings.forceConflicts,
      concurrency: settings.concurrency,
      knownVersions
    })
    return {
      result: 'dry-run',
      release,
      previous,
      applied: result.applied,
      pruned: result.pruned,
      timeline,
      message: `dry run: ${result.applied.length} objects would be applied, ${result.pruned.length} pruned; nothing was changed`
    }
  }

  for (const unfinished of releases.filter((r) => r.state === 'deploying')) {
    const detail = `release ${unfinished.number} was left deploying by a run that stopped (${unfinished.runUrl ?? unfinished.actor ?? 'unknown'})`
    if (settings.onUnfinished === 'fail') {
      throw new UserError(
        `${detail}; deploy.on-unfinished is fail: look at the environment, then deploy again with roll-forward`
      )
    }
    await store.save({
      ...unfinished,
      state: 'failed',
      finishedAt: new Date().toISOString(),
      message: `interrupted; superseded by release ${release.number}`
    })
    note('unfinished', `${detail}; marked failed, rolling forward`)
  }

  await store.save(release)
  note(
    'release',
    `release ${release.number} of ${environment}${release.digest ? ` (${release.digest})` : ''}, replacing ${previous ? `release ${previous.number}` : 'nothing'}`
  )

  const hooks = request.objects.filter(isPreRolloutHook)
  let applied: ApplySetResult = { applied: [], pruned: [], unlisted: [] }
  // Until the objects are applied, nothing but the hooks changed: there is nothing to restore.
  let changed = false
  try {
    if (hooks.length > 0) await runHooks(client, hooks, settings, lease, note)
    changed = true
    applied = await applyAsSet(client, parent, request.objects, {
      force: settings.forceConflicts,
      concurrency: settings.concurrency,
      knownVersions
    })
    note(
      'apply',
      `${applied.applied.length} objects applied, ${applied.pruned.length} pruned${applied.pruned.length > 0 ? ` (${applied.pruned.map(describeId).join(', ')})` : ''}`
    )
    const workloads = request.objects.filter((o) => isWorkload(o) && !isPreRolloutHook(o)).map(idOf)
    const waited = await waitForWorkloads(client, workloads, {
      timeoutMs: settings.timeoutMs,
      abort: () => lease?.lost()
    })
    if (!waited.ok) throw new UserError(describeFailure(waited, formatDuration(settings.timeoutMs)))
    note('rollout', `${workloads.length} workloads rolled out`)
  } catch (error) {
    const message = errorMessage(error)
    note('failed', message)
    release.state = 'failed'
    release.finishedAt = new Date().toISOString()
    release.message = message
    await store.save(release)
    if (!changed) {
      return {
        result: 'failed',
        release,
        previous,
        applied: [],
        pruned: [],
        timeline,
        message: `deploy of release ${release.number} to ${environment} failed: ${message}`
      }
    }
    const restored = previous
      ? await restore(client, previous, request, knownVersions, lease, note)
      : undefined
    const live = restored
      ? `release ${restored.number} is live again`
      : previous
        ? `restoring release ${previous.number} failed too`
        : 'there was no earlier release to restore'
    return {
      result: 'failed',
      release,
      previous,
      restored,
      applied: applied.applied,
      pruned: applied.pruned,
      timeline,
      message: `deploy of release ${release.number} to ${environment} failed: ${message}; ${live}`
    }
  }

  const lost = lease?.lost()
  if (lost) throw lost
  release.state = 'deployed'
  release.finishedAt = new Date().toISOString()
  await store.save(release)
  if (previous) await store.save({ ...previous, state: 'superseded' })
  const trimmed = await store.trim(settings.historyLimit)
  if (trimmed > 0)
    note(
      'history',
      `${trimmed} old release records removed (history-limit ${settings.historyLimit})`
    )
  return {
    result: 'deployed',
    release,
    previous,
    applied: applied.applied,
    pruned: applied.pruned,
    timeline,
    message: `release ${release.number} is live in ${environment}`
  }
}

/** Restores the live release after a failed deploy; undefined when it did not come back. */
async function restore(
  client: KubeClient,
  target: Release,
  request: DeployRequest,
  knownVersions: Map<string, string>,
  lease: HeldLease | undefined,
  note: (step: string, detail: string) => void
): Promise<Release | undefined> {
  note('restore', `restoring release ${target.number}${target.digest ? ` (${target.digest})` : ''}`)
  try {
    await applyRecorded(client, target, request, knownVersions, lease)
    note('restore', `release ${target.number} is live again`)
    return target
  } catch (error) {
    note('restore', `release ${target.number} did not come back: ${errorMessage(error)}`)
    return undefined
  }
}

/**
 * Pre-rollout Jobs run before anything else changes: an earlier run of the same Job is deleted
 * first (a Job's template cannot change), then each is applied and waited for.
 */
async function runHooks(
  client: KubeClient,
  hooks: KubeObject[],
  settings: DeploySettings,
  lease: HeldLease | undefined,
  note: (step: string, detail: string) => void
): Promise<void> {
  for (const hook of hooks) {
    const id = idOf(hook)
    if (await client.delete(hook)) {
      const gone = Date.now() + 60_000
      while (
        (await client.get(id.apiVersion, id.kind, id.name, id.namespace)) &&
        Date.now() < gone
      ) {
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    await client.apply(hook, { force: true })
    note('hook', `${describeId(id)} started`)
  }
  const waited = await waitForWorkloads(client, hooks.map(idOf), {
    timeoutMs: settings.timeoutMs,
    abort: () => lease?.lost()
  })
  if (!waited.ok)
    throw new UserError(
      `pre-rollout hook ${describeFailure(waited, formatDuration(settings.timeoutMs))}; no workload was changed`
    )
  note('hook', `${hooks.length} pre-rollout job${hooks.length === 1 ? '' : 's'} succeeded`)
}

async function ensureNamespace(
  client: KubeClient,
  namespace: string,
  note: (step: string, detail: string) => void
): Promise<void> {
  if (await client.get('v1', 'Namespace', namespace)) return
  await client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })
  note('namespace', `created namespace ${namespace}`)
}
