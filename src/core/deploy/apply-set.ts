import { UserError } from '../errors.js'
import {
  APPLYSET_PART_OF_LABEL,
  applySetId,
  groupKind,
  parentObject,
  scopeOf,
  scopeOfMembers,
  toolingName,
  unionScope,
  type ApplySetParent,
  type ApplySetScope
} from '../kube/applyset.js'
import type { KubeClient } from '../kube/client.js'
import { installRank } from '../manifests/install-order.js'
import { identityKey, idOf, type KubeObject, type ObjectId } from '../manifests/manifest.js'
import { VERSION } from '../version.js'

// Applies one release's objects as the environment's ApplySet and prunes what the set had and
// the release no longer has: the parent first records the union of old and new kinds (so a
// run that dies half-way still finds every member next time), then the objects go in install
// order (one stage at a time, the objects of a stage in parallel), then the leftovers are
// deleted, then the parent records exactly the new kinds. This is kubectl's order too.

export const TOOLING = `slipway/v${VERSION}`

export interface ApplySetOptions {
  force?: boolean
  dryRun?: boolean
  /** Objects applied at once within one install stage (default 8). */
  concurrency?: number
  /** apiVersions of kinds only earlier releases had, so their leftovers can be listed. */
  knownVersions?: Map<string, string>
  onApplied?: (id: ObjectId) => void
  /** Members that stay as the cluster has them: counted in, never applied or pruned. */
  keep?: ObjectId[]
}

export interface ApplySetResult {
  applied: ObjectId[]
  pruned: ObjectId[]
  /** Kinds the parent lists that could not be looked through (no apiVersion known). */
  unlisted: string[]
}

export async function applyAsSet(
  client: KubeClient,
  parent: ApplySetParent,
  objects: KubeObject[],
  options: ApplySetOptions = {}
): Promise<ApplySetResult> {
  const id = applySetId(parent)
  const live = await client.get('v1', 'Secret', parent.name, parent.namespace)
  if (live) {
    const tool = toolingName(live)
    if (tool !== 'slipway') {
      throw new UserError(
        `the ApplySet parent Secret ${parent.namespace}/${parent.name} is managed by ${tool ?? 'no tool'}, not slipway: ` +
          'rename the environment or remove that Secret'
      )
    }
  }
  const members = objects.map((o) => withLabel(o, APPLYSET_PART_OF_LABEL, id))
  const ids = [...members.map((o) => idOf(o)), ...(options.keep ?? [])]
  const previous = scopeOf(live, parent.namespace)
  const next = scopeOfMembers(ids, parent.namespace)
  const dryRun = options.dryRun ?? false

  await client.apply(parentObject(parent, unionScope(previous, next), TOOLING), {
    force: true,
    dryRun
  })
  const applied: ObjectId[] = []
  for (const stage of stages(members)) {
    await inParallel(stage, options.concurrency ?? 8, async (object) => {
      await client.apply(object, { force: options.force, dryRun })
      const objectId = idOf(object)
      applied.push(objectId)
      options.onApplied?.(objectId)
    })
  }
  const { pruned, unlisted } = await prune(client, id, ids, unionScope(previous, next), {
    dryRun,
    versions: versionsOf(ids, options.knownVersions)
  })
  await client.apply(parentObject(parent, next, TOOLING), { force: true, dryRun })
  return { applied, pruned, unlisted }
}

/** The members of a set, as the cluster has them: every object of its kinds with its label. */
export async function listMembers(
  client: KubeClient,
  id: string,
  scope: ApplySetScope,
  versions: Map<string, string>
): Promise<{ members: KubeObject[]; unlisted: string[] }> {
  const members: KubeObject[] = []
  const unlisted: string[] = []
  for (const gk of scope.groupKinds) {
    const apiVersion = versions.get(gk)
    if (!apiVersion) {
      unlisted.push(gk)
      continue
    }
    const kind = gk.split('.')[0]
    for (const namespace of scope.namespaces) {
      members.push(
        ...(await client.list(apiVersion, kind, namespace, `${APPLYSET_PART_OF_LABEL}=${id}`))
      )
    }
  }
  return { members, unlisted }
}

async function prune(
  client: KubeClient,
  id: string,
  keep: ObjectId[],
  scope: ApplySetScope,
  options: { dryRun: boolean; versions: Map<string, string> }
): Promise<{ pruned: ObjectId[]; unlisted: string[] }> {
  const kept = new Set(keep.map(identityKey))
  const { members, unlisted } = await listMembers(client, id, scope, options.versions)
  const leftovers = members
    .filter((m) => !kept.has(identityKey(idOf(m))))
    // Reverse install order: workloads go before the config and accounts they use.
    .sort((a, b) => installRank(String(b.kind)) - installRank(String(a.kind)))
  const pruned: ObjectId[] = []
  for (const object of leftovers) {
    if (await client.delete(object, { dryRun: options.dryRun })) pruned.push(idOf(object))
  }
  return { pruned, unlisted }
}

function versionsOf(ids: ObjectId[], known?: Map<string, string>): Map<string, string> {
  const versions = new Map(known)
  for (const id of ids) versions.set(groupKind(id), id.apiVersion)
  return versions
}

function withLabel(object: KubeObject, key: string, value: string): KubeObject {
  const metadata = (object.metadata ?? {}) as Record<string, unknown>
  const labels = (metadata.labels ?? {}) as Record<string, string>
  return { ...object, metadata: { ...metadata, labels: { ...labels, [key]: value } } }
}

/** Objects grouped by install rank, in order. */
function stages(objects: KubeObject[]): KubeObject[][] {
  const byRank = new Map<number, KubeObject[]>()
  for (const object of objects) {
    const rank = installRank(String(object.kind))
    byRank.set(rank, [...(byRank.get(rank) ?? []), object])
  }
  return [...byRank.keys()].sort((a, b) => a - b).map((rank) => byRank.get(rank) ?? [])
}

/** Runs `work` over `items`, at most `limit` at a time; the first error stops the rest. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]
      try {
        await work(item)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  )
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (rejected) throw rejected.reason
}
