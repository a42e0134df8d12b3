import { createHash } from 'node:crypto'
import { groupOf, type KubeObject, type ObjectId } from '../manifests/manifest.js'

// Membership of an environment's objects, as Kubernetes' ApplySet convention has it (KEP-3659,
// what `kubectl apply --prune --applyset` reads and writes): a parent object carries the set's
// id, the tool that manages it and the kinds and namespaces its members are in; every member
// carries the part-of label. Pruning deletes exactly the labelled objects of those kinds and
// namespaces that the new set no longer has.

export const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id'
export const APPLYSET_PART_OF_LABEL = 'applyset.kubernetes.io/part-of'
export const APPLYSET_TOOLING = 'applyset.kubernetes.io/tooling'
export const APPLYSET_KINDS = 'applyset.kubernetes.io/contains-group-kinds'
export const APPLYSET_NAMESPACES = 'applyset.kubernetes.io/additional-namespaces'

export interface ApplySetParent {
  name: string
  namespace: string
  /** The parent's kind and group: a Secret, as kubectl's default. */
  kind: string
  group: string
}

/** The parent of an environment's set: the Secret `slipway-<environment>` in its namespace. */
export function environmentApplySet(environment: string, namespace: string): ApplySetParent {
  return { name: `slipway-${environment}`, namespace, kind: 'Secret', group: '' }
}

/**
 * The set's id, as kubectl computes it: `applyset-` + base64url(sha256(name.namespace.kind.group))
 * + `-v1`.
 */
export function applySetId(parent: ApplySetParent): string {
  const digest = createHash('sha256')
    .update([parent.name, parent.namespace, parent.kind, parent.group].join('.'))
    .digest('base64url')
  return `applyset-${digest}-v1`
}

/** `Deployment.apps`, or `Service` for the core group, as the kinds annotation lists them. */
export function groupKind(id: Pick<ObjectId, 'apiVersion' | 'kind'>): string {
  const group = groupOf(id.apiVersion)
  return group ? `${id.kind}.${group}` : id.kind
}

export interface ApplySetScope {
  groupKinds: string[]
  namespaces: string[]
}

/** The kinds and namespaces a parent says its members are in. */
export function scopeOf(parent: KubeObject | undefined, ownNamespace: string): ApplySetScope {
  const annotations = (parent?.metadata as { annotations?: Record<string, string> } | undefined)
    ?.annotations
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  return {
    groupKinds: list(annotations?.[APPLYSET_KINDS]),
    namespaces: [ownNamespace, ...list(annotations?.[APPLYSET_NAMESPACES])]
  }
}

/** The scope of a set of members, sorted as kubectl writes it. */
export function scopeOfMembers(members: ObjectId[], ownNamespace: string): ApplySetScope {
  const groupKinds = new Set<string>()
  const namespaces = new Set<string>([ownNamespace])
  for (const id of members) {
    groupKinds.add(groupKind(id))
    if (id.namespace) namespaces.add(id.namespace)
  }
  return {
    groupKinds: [...groupKinds].sort(),
    namespaces: [ownNamespace, ...[...namespaces].filter((n) => n !== ownNamespace).sort()]
  }
}

export function unionScope(a: ApplySetScope, b: ApplySetScope): ApplySetScope {
  const own = a.namespaces[0]
  return {
    groupKinds: [...new Set([...a.groupKinds, ...b.groupKinds])].sort(),
    namespaces: [
      own,
      ...[...new Set([...a.namespaces, ...b.namespaces])].filter((n) => n !== own).sort()
    ]
  }
}

/** The parent Secret as slipway applies it: id label, tooling, kinds and namespaces. */
export function parentObject(
  parent: ApplySetParent,
  scope: ApplySetScope,
  tooling: string
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'slipway.dev/applyset',
    metadata: {
      name: parent.name,
      namespace: parent.namespace,
      labels: { [APPLYSET_ID_LABEL]: applySetId(parent) },
      annotations: {
        [APPLYSET_TOOLING]: tooling,
        [APPLYSET_KINDS]: scope.groupKinds.join(','),
        [APPLYSET_NAMESPACES]: scope.namespaces.slice(1).join(',')
      }
    }
  }
}

/** Who manages a parent, from its tooling annotation: `slipway` for `slipway/v0.1.0`. */
export function toolingName(parent: KubeObject): string | undefined {
  const annotations = (parent.metadata as { annotations?: Record<string, string> } | undefined)
    ?.annotations
  const value = annotations?.[APPLYSET_TOOLING]
  return value === undefined ? undefined : value.split('/')[0]
}
