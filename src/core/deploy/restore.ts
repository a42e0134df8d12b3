import { formatDuration } from '../duration.js'
import { UserError } from '../errors.js'
import { environmentApplySet, groupKind } from '../kube/applyset.js'
import type { KubeClient } from '../kube/client.js'
import { idOf, isRecord, type KubeObject } from '../manifests/manifest.js'
import { applyAsSet } from './apply-set.js'
import type { DeploySettings } from './deploy.js'
import type { HeldLease } from './lease.js'
import { isRecordedSecret, type Release } from './release-record.js'
import { describeFailure, waitForWorkloads } from './wait.js'
import { isWorkload } from './workload-status.js'

// Puts a recorded release back: its objects exactly as recorded (not a re-render), pruning what
// came after it, and waits for its workloads. Secrets stay as the cluster has them: their values
// were never recorded (release-record.ts). Deploy uses it to restore the live release after a
// failure, rollback to go back to an earlier one.

export const HOOK_ANNOTATION = 'slipway.dev/hook'

export function isPreRolloutHook(object: KubeObject): boolean {
  const annotations =
    isRecord(object.metadata) && isRecord(object.metadata.annotations)
      ? object.metadata.annotations
      : {}
  return object.kind === 'Job' && annotations[HOOK_ANNOTATION] === 'pre-rollout'
}

/** Applies the recorded release and waits for it; throws a UserError saying why it did not come back. */
export async function applyRecorded(
  client: KubeClient,
  target: Release,
  where: { environment: string; namespace: string; settings: DeploySettings },
  knownVersions: Map<string, string>,
  lease: HeldLease | undefined
): Promise<void> {
  const parent = environmentApplySet(where.environment, where.namespace)
  // Hooks ran before their release; putting a release back does not run them again.
  const objects = target.objects.filter((o) => !isRecordedSecret(o) && !isPreRolloutHook(o))
  const keep = target.objects.filter(isRecordedSecret).map(idOf)
  await applyAsSet(client, parent, objects, {
    force: true,
    concurrency: where.settings.concurrency,
    knownVersions,
    keep
  })
  const workloads = objects.filter(isWorkload).map(idOf)
  const waited = await waitForWorkloads(client, workloads, {
    timeoutMs: where.settings.timeoutMs,
    abort: () => lease?.lost()
  })
  if (!waited.ok)
    throw new UserError(describeFailure(waited, formatDuration(where.settings.timeoutMs)))
}

/** apiVersion of every kind the releases applied, newest wins: what prune lists leftovers with. */
export function versionsOfReleases(releases: Release[]): Map<string, string> {
  const versions = new Map<string, string>()
  for (const release of [...releases].reverse()) {
    for (const object of release.objects) {
      const id = idOf(object)
      versions.set(groupKind(id), id.apiVersion)
    }
  }
  return versions
}
