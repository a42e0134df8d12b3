// API versions the Kubernetes project has stopped serving, from its deprecation guide
// (kubernetes.io/docs/reference/using-api/deprecation-guide). kubernetes-models keeps their
// schemas, so without this table an object for a removed API would pass.

interface Removal {
  removedIn: number
  use: string
}

const REMOVED: Record<string, Removal> = {}
function removed(minor: number, use: string, apiVersion: string, kinds: string[]): void {
  for (const kind of kinds) REMOVED[`${apiVersion}/${kind}`] = { removedIn: minor, use }
}

removed(16, 'apps/v1', 'extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'])
removed(16, 'networking.k8s.io/v1', 'extensions/v1beta1', ['NetworkPolicy'])
removed(16, 'policy/v1beta1', 'extensions/v1beta1', ['PodSecurityPolicy'])
for (const apiVersion of ['apps/v1beta1', 'apps/v1beta2']) {
  removed(16, 'apps/v1', apiVersion, ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'])
  removed(16, 'apps/v1', apiVersion, ['ControllerRevision'])
}
removed(22, 'networking.k8s.io/v1', 'extensions/v1beta1', ['Ingress'])
removed(22, 'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'])
removed(22, 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration'
])
removed(22, 'apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'])
removed(22, 'apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1', ['APIService'])
removed(22, 'authentication.k8s.io/v1', 'authentication.k8s.io/v1beta1', ['TokenReview'])
removed(22, 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1', [
  'LocalSubjectAccessReview',
  'SelfSubjectAccessReview',
  'SubjectAccessReview'
])
removed(22, 'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest'])
removed(22, 'coordination.k8s.io/v1', 'coordination.k8s.io/v1beta1', ['Lease'])
removed(22, 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', [
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding'
])
removed(22, 'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1', ['PriorityClass'])
removed(22, 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', [
  'CSIDriver',
  'CSINode',
  'StorageClass',
  'VolumeAttachment'
])
removed(25, 'batch/v1', 'batch/v1beta1', ['CronJob'])
removed(25, 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1', ['EndpointSlice'])
removed(25, 'events.k8s.io/v1', 'events.k8s.io/v1beta1', ['Event'])
removed(25, 'autoscaling/v2', 'autoscaling/v2beta1', ['HorizontalPodAutoscaler'])
removed(25, 'policy/v1', 'policy/v1beta1', ['PodDisruptionBudget'])
removed(25, 'Pod Security Admission', 'policy/v1beta1', ['PodSecurityPolicy'])
removed(25, 'node.k8s.io/v1', 'node.k8s.io/v1beta1', ['RuntimeClass'])
removed(26, 'autoscaling/v2', 'autoscaling/v2beta2', ['HorizontalPodAutoscaler'])
removed(27, 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', ['CSIStorageCapacity'])
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration']
removed(26, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1', FLOW_CONTROL)
removed(29, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta2', FLOW_CONTROL)
removed(32, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta3', FLOW_CONTROL)

/** Why `apiVersion` `kind` cannot be applied to Kubernetes `target` (`1.33`), if it cannot. */
export function removedApi(apiVersion: string, kind: string, target: string): string | undefined {
  const key = `${apiVersion}/${kind}`
  const removal = Object.hasOwn(REMOVED, key) ? REMOVED[key] : undefined
  const minor = Number(target.split('.')[1])
  if (!removal || minor < removal.removedIn) return undefined
  return `${apiVersion} ${kind} is no longer served since Kubernetes 1.${removal.removedIn} (target ${target}): use ${removal.use}`
}
