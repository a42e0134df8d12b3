import { isBuiltinGroup } from './builtin-groups.js'
import { groupOf, metadataOf, type Manifest } from './manifest.js'

// Kinds of the built-in API groups that are not namespaced.
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTrustBundle',
  'ComponentStatus',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'IPAddress',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'ResourceSlice',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectReview',
  'SelfSubjectRulesReview',
  'ServiceCIDR',
  'StorageClass',
  'StorageVersionMigration',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass'
])

/**
 * Whether objects of a kind live in a namespace. Custom kinds take the scope their
 * CustomResourceDefinition gives (from `crdScopes`, keyed `group/Kind`); without one, a kind
 * named `Cluster...` is taken as cluster-scoped (ClusterIssuer, ClusterSecretStore, ...).
 */
export function isNamespaced(
  apiVersion: string,
  kind: string,
  crdScopes: Map<string, boolean>
): boolean {
  const group = groupOf(apiVersion)
  if (isBuiltinGroup(group)) return !CLUSTER_SCOPED.has(kind)
  return crdScopes.get(`${group}/${kind}`) ?? !kind.startsWith('Cluster')
}

/** Sets the environment's namespace on every namespaced object that has none. */
export function defaultNamespaces(
  manifests: Manifest[],
  namespace: string,
  crdScopes: Map<string, boolean>
): void {
  for (const { object } of manifests) {
    const { apiVersion, kind } = object
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue
    if (!isNamespaced(apiVersion, kind, crdScopes)) continue
    const metadata = metadataOf(object)
    if (typeof metadata.namespace !== 'string' || metadata.namespace === '') {
      metadata.namespace = namespace
    }
  }
}
