import type { PolicyCheck } from '../../config/index.js'
import { canonicalRepository, parseImageRef } from '../image-ref.js'
import { idOf, isRecord, type FieldPath, type KubeObject, type Manifest } from '../manifest.js'
import { containersOf, podLabelsOf, podSpecOf, type ContainerAt } from '../pod-specs.js'

/** What a check found in one object, before its level is known. */
export interface Hit {
  manifest: Manifest
  path: FieldPath
  message: string
}

export interface CheckContext {
  manifests: Manifest[]
  /** Canonical repositories slipway pins itself; their references are placeholders. */
  pinnedRepositories: Set<string>
}

type Check = (context: CheckContext) => Hit[]

// Kinds whose pods run to completion: probes are meaningless there.
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob'])

export const CHECKS: Record<PolicyCheck, Check> = {
  'image-latest': (context) =>
    eachContainer(
      context,
      ({ container }) => {
        const ref = imageRef(container, context)
        if (!ref || ref.digest) return undefined
        if (!ref.tag) return `image ${container.image} has no tag, which means :latest`
        return ref.tag === 'latest' ? `image ${container.image} uses the :latest tag` : undefined
      },
      ['image']
    ),

  'image-not-pinned': (context) =>
    eachContainer(
      context,
      ({ container }) => {
        const ref = imageRef(container, context)
        if (!ref || ref.digest || !ref.tag || ref.tag === 'latest') return undefined
        return `image ${container.image} is not pinned to a digest (tags can move)`
      },
      ['image']
    ),

  'resource-requests': (context) =>
    eachContainer(
      context,
      ({ container, list }) => {
        if (list === 'ephemeralContainers') return undefined
        const missing = missingResources(container, 'requests')
        return missing.length ? `no ${missing.join(' or ')} request` : undefined
      },
      ['resources']
    ),

  'resource-limits': (context) =>
    eachContainer(
      context,
      ({ container, list }) => {
        if (list === 'ephemeralContainers') return undefined
        const missing = missingResources(container, 'limits')
        return missing.length ? `no ${missing.join(' or ')} limit` : undefined
      },
      ['resources']
    ),

  'readiness-probe': (context) => probeCheck(context, 'readinessProbe'),
  'liveness-probe': (context) => probeCheck(context, 'livenessProbe'),

  'run-as-non-root': (context) =>
    eachContainer(
      context,
      ({ container, list }, pod) => {
        if (list === 'ephemeralContainers') return undefined
        const own = isRecord(container.securityContext) ? container.securityContext : {}
        const shared = isRecord(pod.securityContext) ? pod.securityContext : {}
        const nonRoot = own.runAsNonRoot ?? shared.runAsNonRoot
        const user = own.runAsUser ?? shared.runAsUser
        if (nonRoot === true || (typeof user === 'number' && user > 0)) return undefined
        return 'runAsNonRoot is not set: the container may run as root'
      },
      ['securityContext']
    ),

  privileged: (context) =>
    eachContainer(
      context,
      ({ container }) =>
        isRecord(container.securityContext) && container.securityContext.privileged === true
          ? 'runs privileged: it has full access to the node'
          : undefined,
      ['securityContext', 'privileged']
    ),

  'host-path': ({ manifests }) =>
    manifests.flatMap((manifest) => {
      const pod = podSpecOf(manifest.object)
      const volumes = pod && Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []
      return volumes.flatMap((volume, index) =>
        isRecord(volume) && isRecord(volume.hostPath)
          ? [
              {
                manifest,
                path: [...pod!.path, 'volumes', index, 'hostPath'],
                message: `volume "${volume.name}" mounts ${volume.hostPath.path} from the node (hostPath)`
              }
            ]
          : []
      )
    }),

  'service-selector': ({ manifests }) => {
    const workloads = manifests.flatMap(({ object }) => {
      const labels = podLabelsOf(object)
      return labels ? [{ namespace: idOf(object).namespace, labels }] : []
    })
    return manifests.flatMap((manifest) => {
      const { object } = manifest
      const selector = serviceSelector(object)
      if (!selector) return []
      const namespace = idOf(object).namespace
      const matched = workloads.some(
        (w) =>
          w.namespace === namespace &&
          Object.entries(selector).every(([key, value]) => w.labels[key] === value)
      )
      if (matched) return []
      const text = Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
      return [
        {
          manifest,
          path: ['spec', 'selector'],
          message: `selector ${text} matches no workload's pods`
        }
      ]
    })
  }
}

function eachContainer(
  { manifests }: CheckContext,
  test: (at: ContainerAt, pod: Record<string, unknown>, object: KubeObject) => string | undefined,
  field: FieldPath
): Hit[] {
  const hits: Hit[] = []
  for (const manifest of manifests) {
    const pod = podSpecOf(manifest.object)
    if (!pod) continue
    for (const at of containersOf(pod)) {
      const message = test(at, pod.spec, manifest.object)
      if (message) {
        const name =
          typeof at.container.name === 'string' ? at.container.name : String(at.path.at(-1))
        hits.push({
          manifest,
          path: [...at.path, ...field],
          message: `container "${name}": ${message}`
        })
      }
    }
  }
  return hits
}

function probeCheck(context: CheckContext, probe: 'readinessProbe' | 'livenessProbe'): Hit[] {
  return eachContainer(
    context,
    ({ container, list }, _pod, object) => {
      if (list !== 'containers' || RUN_TO_COMPLETION.has(String(object.kind))) return undefined
      return container[probe] === undefined ? `no ${probe}` : undefined
    },
    []
  )
}

function imageRef(container: Record<string, unknown>, context: CheckContext) {
  if (typeof container.image !== 'string') return undefined
  const ref = parseImageRef(container.image)
  if (!ref || context.pinnedRepositories.has(canonicalRepository(ref.repository))) return undefined
  return ref
}

function missingResources(
  container: Record<string, unknown>,
  kind: 'requests' | 'limits'
): string[] {
  const resources = isRecord(container.resources) ? container.resources : {}
  const set = isRecord(resources[kind]) ? resources[kind] : {}
  return (['cpu', 'memory'] as const)
    .filter((r) => set[r] === undefined)
    .map((r) => (r === 'cpu' ? 'CPU' : r))
}

function serviceSelector(object: KubeObject): Record<string, unknown> | undefined {
  if (object.kind !== 'Service' || object.apiVersion !== 'v1' || !isRecord(object.spec))
    return undefined
  if (object.spec.type === 'ExternalName') return undefined
  const selector = object.spec.selector
  return isRecord(selector) && Object.keys(selector).length > 0 ? selector : undefined
}
