import { groupOf } from './manifest.js'
import { BUILTIN_KINDS } from './validation/builtin-kinds.js'

// The API groups Kubernetes itself serves. Others (gateway.networking.k8s.io included, which
// comes with its CRDs) hold custom resources.
const GROUPS = new Set([
  ...Object.keys(BUILTIN_KINDS).map((key) => groupOf(key.slice(0, key.lastIndexOf('/')))),
  'internal.apiserver.k8s.io',
  'resource.k8s.io',
  'storagemigration.k8s.io'
])

export function isBuiltinGroup(group: string): boolean {
  return GROUPS.has(group)
}
