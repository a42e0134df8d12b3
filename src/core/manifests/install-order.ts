import { groupOf, idOf, type Manifest } from './manifest.js'

// Helm's install order (pkg/releaseutil/kind_sorter.go): what others depend on goes first.
const INSTALL_ORDER = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration'
]
const RANK = new Map(INSTALL_ORDER.map((kind, index) => [kind, index]))

/** A kind's place in the install order: kinds of one rank can be applied together. */
export function installRank(kind: string): number {
  return RANK.get(kind) ?? INSTALL_ORDER.length
}

/**
 * Sorts into Helm's install order; kinds Helm does not list come last, by kind. Ties are
 * broken by group, namespace and name, so the order never depends on the input's.
 */
export function sortForInstall(manifests: Manifest[]): Manifest[] {
  const keyed = manifests.map((manifest) => {
    const id = idOf(manifest.object)
    return {
      manifest,
      rank: installRank(id.kind),
      key: [id.kind, groupOf(id.apiVersion), id.namespace ?? '', id.name, id.apiVersion]
    }
  })
  keyed.sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key))
  return keyed.map((k) => k.manifest)
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
  }
  return 0
}
